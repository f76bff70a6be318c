// An event whose code finishes in every page view but is heavy over all of them fails once, at its
// spec, within its budget; the other event is not charged for it.
def log = new File(basedir, 'build.log').text
def over = log.readLines().findAll { it.contains('TP314') }
assert over.size() == 1 : over
assert over[0].contains('src/main/tracking/events/heavy.yaml:[6,9] TP314 heavy (stopped on /')
assert over[0].contains('its code ran for more than 1 s in all over the page views and examples that ran it (verifyEventBudget); its remaining scenarios are skipped')
assert !log.contains('TP311') // no page view ran into verifyTimeout
assert !log.contains('cta.yaml:')
assert !log.contains('at dev.trackplan')
evaluate(new File(itSupport, 'no-warnings.groovy'))
return true
