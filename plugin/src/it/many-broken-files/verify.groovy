def log = new File(basedir, 'build.log').text
assert log.contains("src/main/tracking/events/a.yaml:[8,15] TP140 unknown type 'numbr'; did you mean 'number'?")
assert log =~ /src\/main\/tracking\/events\/b\.yaml:\[5,1\] TP009 tab character/
assert log.contains("src/main/tracking/events/c.yml:[4,5] TP101 unknown event key 'objct'; did you mean 'object'?")
assert log.contains('Trackplan found 3 errors')
assert !log.contains('at dev.trackplan')
evaluate(new File(itSupport, 'no-warnings.groovy'))
return true
