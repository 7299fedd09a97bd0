//! One stable sort for the whole app.
//!
//! Why: each `slice::sort_by` call with its own element type or comparator is a separate copy
//! of the standard library's sort in the wasm (2–3 KB each; there were 13). Here the algorithm
//! runs once, on positions (`usize`) through a `&dyn Fn` comparator, so it is compiled once;
//! the generic part left per call only follows the permutation's cycles with swaps.
//! Same contract as `sort_by`: stable, and `cmp` must be a total order.

use std::cmp::Ordering;

/// Sorts `items` by `cmp`, keeping equal items in their original order.
pub fn stable_sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| cmp(&items[a], &items[b]));
    apply_order(items, order);
}

/// Sorts `items` by the key `key` returns, stable.
pub fn stable_sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    stable_sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, stable.
pub fn stable_sort<T: Ord>(items: &mut [T]) {
    stable_sort_by(items, T::cmp);
}

fn sort_positions(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    #[allow(clippy::disallowed_methods)] // the one place the std sort is instantiated
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Rearranges `items` so that position `i` holds what was at `order[i]`, by walking each cycle
/// of the permutation once (each visited position is marked by `order[j] = j`).
fn apply_order<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut j = start;
        loop {
            let from = order[j];
            order[j] = j;
            if from == start || from == j {
                break;
            }
            items.swap(j, from);
            j = from;
        }
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // checked against the std sorts
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn keeps_equal_items_in_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        stable_sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        stable_sort(&mut empty);
        assert!(empty.is_empty());
    }

    proptest! {
        #[test]
        fn matches_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            let mut std_sorted = v;
            stable_sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std_sorted.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std_sorted);
        }

        #[test]
        fn descending_and_natural_orders(v in proptest::collection::vec(any::<i32>(), 0..100)) {
            let mut ours = v.clone();
            stable_sort_by(&mut ours, |a, b| b.cmp(a));
            let mut expected = v.clone();
            expected.sort_by(|a, b| b.cmp(a));
            prop_assert_eq!(ours, expected);
            let mut natural = v.clone();
            stable_sort(&mut natural);
            let mut expected = v;
            expected.sort();
            prop_assert_eq!(natural, expected);
        }
    }
}
