def log = new File(basedir, 'build.log').text
def f = 'src/main/tracking/events/'
// each misuse at its YAML line
assert log.contains("[ERROR] ${f}plan.yaml:[6,3] TP191 shared property 'plan' is already defined at ${f}more.yaml:[2,3]")
assert log.contains("[ERROR] ${f}events.yaml:[6,20] TP190 property 'plan' of event 'plan_clicked' uses shared property 'plans'")
assert log.contains("[ERROR] ${f}events.yaml:[7,20] TP191 shared property 'plan' is ambiguous")
assert log.contains("[ERROR] ${f}events.yaml:[11,3] TP193 event name 'plan_pressed' ends in 'pressed'")
assert log.contains("[ERROR] ${f}events.yaml:[15,35] TP196 property 'email' of event 'plan_pressed' is personal data")
assert log.contains("[ERROR] ${f}events.yaml:[16,7] TP197 property 'phone' of event 'plan_pressed' reads form field 'phone'")
assert !log.contains('at dev.trackplan') : 'no stack trace for bad input'
assert !new File(basedir, 'target/site').exists()
evaluate(new File(itSupport, 'no-warnings.groovy'))
return true
