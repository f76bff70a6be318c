def log = new File(basedir, 'build.log').text
assert log.contains("src/main/tracking/events/signup.yaml:[5,14] TP309 signup_clicked: selector 'a.signup' matches no element on any page it may fire on")
evaluate(new File(itSupport, 'no-warnings.groovy'))
return true
