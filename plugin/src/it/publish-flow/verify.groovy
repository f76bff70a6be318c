def hubspot = context.get('hubspot')
try {
    def log = new File(basedir, 'build.log').text
    def token = 'pat-na1-11111111-2222-3333-4444-standin000000'
    assert !log.contains(token) : 'the access token must never be printed'
    assert !log.contains('standin000000')

    // 1. diff on the empty account lists what apply would create, and fails
    assert log.contains('[INFO] Trackplan:   + create event trial_cta_clicked (contact, 2 properties): \'Trial CTA clicked\'')
    assert log.contains('[ERROR] Failed to execute goal dev.trackplan:trackplan-maven-plugin:' ) &&
            log.contains('the HubSpot account differs from the plan (2 differences, listed above)')
    // 2. apply created both and wrote the lock
    assert log.contains('[INFO] Trackplan: created event trial_converted')
    assert log.contains('[INFO] Trackplan: lock file updated:')
    // 3. then the account matches
    assert log.contains('[INFO] Trackplan: the account matches the plan')
    // 4. + 5. a label edit is drift that apply patches
    assert log.contains("[INFO] Trackplan:   ~ update event trial_cta_clicked: label 'Trial CTA clicked' -> 'Trial button clicked'")
    assert log.contains("[INFO] Trackplan: updated event trial_cta_clicked: label 'Trial CTA clicked' -> 'Trial button clicked'")
    assert hubspot.definition('trial_cta_clicked').get('labels').get('singular').asText() == 'Trial button clicked'
    assert hubspot.names() == ['trial_converted', 'trial_cta_clicked'] as Set
    // 6. a published type cannot change: located at the YAML line, with the lock's reason and the fix
    assert log.contains("[ERROR] src/main/tracking/events-type-changed/trial.yaml:[16,15] TP184 property 'seats' of event " +
            "'trial_cta_clicked' was published as number (per the lock file src/main/tracking/trackplan.lock.json) and " +
            "cannot become string: HubSpot never renames an event or property")
    assert log.contains("Keep type number, or mark it 'retired: true' and add a new property with another name")
    // 7. a published event cannot disappear
    assert log.contains("[ERROR] src/main/tracking/trackplan.lock.json:[5,5] TP181 event 'trial_converted' was published " +
            "(per this lock file) but no spec defines it any more")
    // 8. the published plan builds; the server-sent event is listed but not bundled
    assert log.contains('[INFO] Trackplan: Not bundled, sent from elsewhere (no trigger): trial_converted')
    def page = new File(basedir, 'target/site/tracking-plan/index.html').text
    assert page.contains('<span class="state-published">published</span>')
    assert page.contains('sent from elsewhere (a server or an app)')
    def bundle = new File(basedir, 'target/site/js').listFiles().find { it.name.startsWith('trackplan.') }.text
    assert bundle.contains('trial_cta_clicked') && !bundle.contains('trial_converted')

    def lock = new File(basedir, 'src/main/tracking/trackplan.lock.json').text
    assert lock.contains('"seats" : "number"') && lock.contains('"trial_converted"')
    assert !lock.contains(token)
    assert !(log =~ /\tat [a-z]/) && !log.contains('Caused by') : 'no stack trace for bad input'
} finally {
    hubspot?.close()
}
evaluate(new File(itSupport, 'no-warnings.groovy'))
return true
