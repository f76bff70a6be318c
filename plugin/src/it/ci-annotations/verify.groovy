// On GitHub Actions (GITHUB_ACTIONS=true) problems become workflow commands that GitHub shows on the
// pull request's diff; the SARIF and JUnit reports are written whatever the format.
def log = new File(basedir, 'build.log').text
def file = 'src/main/tracking/events/sign-up, v2.yaml'
// ',' and ':' end a property, so GitHub's encoding applies in file= (but not in the message)
assert log.contains("::error file=src/main/tracking/events/sign-up%2C v2.yaml,line=7,col=7,title=Trackplan TP131::${file}:[7,7] TP131 property name 'Plan-Name'")
assert log.contains("::warning file=src/main/tracking/events/sign-up%2C v2.yaml,line=2,col=3,title=Trackplan TP170::${file}:[2,3] TP170 event 'signup_clicked' has no examples")
assert log.readLines().any { it.startsWith('::error ') } : 'a workflow command must start its line'
assert !log.contains("[ERROR] ${file}") : 'annotations replace the log lines'
assert log.contains('Trackplan found 1 error')
assert !log.contains('at dev.trackplan') && !(log =~ /\tat [a-z]/) : 'no stack trace for bad input'

def reports = new File(basedir, 'target/trackplan-reports')
def sarif = new groovy.json.JsonSlurper().parse(new File(reports, 'trackplan.sarif'))
assert sarif.version == '2.1.0'
def run = sarif.runs[0]
assert run.tool.driver.name == 'Trackplan'
def error = run.results.find { it.ruleId == 'TP131' }
assert error.level == 'error'
def location = error.locations[0].physicalLocation
assert location.artifactLocation.uri == new File(basedir, file).toPath().toUri().toString()
assert location.artifactLocation.uri.endsWith('/sign-up,%20v2.yaml')
assert location.region.startLine == 7 && location.region.startColumn == 7
def rule = run.tool.driver.rules[error.ruleIndex]
assert rule.id == 'TP131'
assert rule.shortDescription.text.startsWith('property name not ')
assert rule.help.text
assert run.results.find { it.ruleId == 'TP170' }.level == 'warning'

def junit = new groovy.xml.XmlSlurper().parse(new File(reports, 'TEST-trackplan-check.xml'))
assert junit.@failures.text() == '1'
assert junit.testcase.find { it.@name.text() == file }.failure.@type.text() == 'TP131'
evaluate(new File(itSupport, 'no-warnings.groovy'))
return true
