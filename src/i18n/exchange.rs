//! Interface strings of the exchange views, in Chinese and English (see the parent module).

pub struct ExchangeStrings {
    /// Heading of the exchange area.
    pub heading: &'static str,
}

pub static ZH: ExchangeStrings = ExchangeStrings {
    heading: "exchange",
};

pub static EN: ExchangeStrings = ExchangeStrings {
    heading: "exchange",
};
