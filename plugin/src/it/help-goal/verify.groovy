def log = new File(basedir, 'build.log').text
assert log.contains('trackplan:build')
assert log.contains('Checks the specs, renders the snippets')
assert log.contains('eventsDirectory') && log.contains('The tracking plan: every .yaml and .yml file below this folder')
assert log.contains('verifyTimeout')
assert log.contains('diagnosticsFormat') && log.contains('How problems are printed')
assert log.contains('failOnWarnings') && log.contains('Fail the build on warnings too')
evaluate(new File(itSupport, 'no-warnings.groovy'))
return true
