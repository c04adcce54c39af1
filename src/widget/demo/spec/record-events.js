// Test helper for the spec pages (not part of the snippet a customer pastes): records every widget handler call
// into window.__events as { name, arg, widgetInDom, thisIsApi } and lists it in <ol id="events"> when the page has one.
// Include it after the loader snippet; it registers its handlers through Verloop() like any page code.
window.__events = window.__events || [];
Verloop(function () {
  var names = ['onWidgetLoaded', 'onChatMaximized', 'onChatMinimized', 'onChatStarted', 'onChatEnded',
    'onIncomingMessage', 'onButtonClicked', 'onLogoutComplete'];
  var api = this;
  names.forEach(function (name) {
    api[name](function (arg) {
      window.__events.push({
        name: name,
        arg: arg === undefined ? null : JSON.parse(JSON.stringify(arg)),
        argCount: arguments.length,
        widgetInDom: !!document.getElementById('verloop-widget'),
        thisIsApi: this === api
      });
      var li = document.createElement('li');
      li.textContent = arg === undefined ? name : name + ' ' + JSON.stringify(arg);
      appendWhenReady(li);
    });
  });
  function appendWhenReady(li) {
    var list = document.getElementById('events');
    if (list) list.appendChild(li);
    else document.addEventListener('DOMContentLoaded', function () { appendWhenReady(li); });
  }
});
