// Custom code cannot fool the verification or hang the build, and no innocent event is blamed.
def log = new File(basedir, 'build.log').text
assert log.contains('src/main/tracking/events/sneaky.yaml:[6,9] TP303 sneaky on /: pushed ["identify",{"email":"visitor@example.com"}] before the visitor consented')
def loops = log.readLines().findAll { it.contains('TP311') }
assert loops.size() == 1 : loops
assert loops[0].contains('src/main/tracking/events/looping.yaml:[6,9] TP311 looping (on /')
assert loops[0].contains('its code did not finish within 5 s')
assert !log.contains('cta.yaml:')
assert !log.contains('TP301') // the sandbox looked like a browser on www.it.example
assert !log.contains('at dev.trackplan')
evaluate(new File(itSupport, 'no-warnings.groovy'))
return true
