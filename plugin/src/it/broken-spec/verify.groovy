def log = new File(basedir, 'build.log').text
assert log.contains("[ERROR] src/main/tracking/events/bad.yaml:[7,7] TP131 property name 'Plan-Name' must start with a letter and use only lowercase a-z, 0-9 and '_'; e.g. 'plan_name'")
assert log.contains('Trackplan found 1 error')
assert !log.contains('at dev.trackplan') : 'no stack trace for bad input'
assert !log.contains('Caused by') && !(log =~ /\tat [a-z]/) : 'no stack trace for bad input'
assert !new File(basedir, 'target/site').exists()
evaluate(new File(itSupport, 'no-warnings.groovy'))
return true
