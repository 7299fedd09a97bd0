// Runs only in browsers too old for ES modules, which also cannot run this app's WebAssembly.
(function () {
  var t = document.getElementById('boot-text');
  var e = document.getElementById('boot-error');
  if (t) { t.hidden = true; }
  if (e) {
    e.hidden = false;
    e.textContent = '您的浏览器版本过旧，无法运行本工具。请使用新版 Chrome、Edge、Firefox 或 360 浏览器（极速模式）打开。';
  }
})();
