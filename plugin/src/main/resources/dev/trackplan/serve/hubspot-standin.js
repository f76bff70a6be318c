// Trackplan dev server: nothing is sent anywhere; every _hsq/_hsp command goes to the inspector.
(function () {
  var insp = window.__trackplanInspector;
  var standIn = window.__trackplanStandIn(window, function (queue, cmd, decided) {
    if (queue === "error") insp.note(cmd.join(": ")); else insp.command(queue, cmd, decided);
  }, function (decided) { insp.consent(decided); });
  standIn.load();
  insp.decide = standIn.decide;
  var remembered = insp.rememberedConsent();
  if (remembered !== null) standIn.decide(remembered);
})();
