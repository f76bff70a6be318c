def site = new File(basedir, 'target/site')
def log = new File(basedir, 'build.log').text
assert log.contains('Trackplan: Verified 5 events')
def json = new groovy.json.JsonSlurper().parse(new File(site, 'tracking-plan.json'))
// request bodies stay HubSpot's; where the shared property is used sits apart
assert json.eventDefinitions.find { it.name == 'plan_clicked' }.propertyDefinitions.find { it.name == 'plan' }.options*.value == ['free', 'pro']
assert !json.eventDefinitions.toString().contains('usedBy')
assert json.trackplan.sharedProperties.plan.usedBy*.event == ['demo_form_submitted', 'plan_chosen_clicked', 'plan_clicked', 'plan_shown']
def page = new File(site, 'tracking-plan/index.html').text
assert page.contains('id="shared-plan"')
assert page.count('see shared property') == 4
assert page.contains('personal data')
def bundle = new File(site, 'js').listFiles().find { it.name ==~ /trackplan\.[0-9a-f]{10}\.js/ }.text
// descriptors by position: [name, type, from, arg, options, required, keepQuery]
assert bundle.contains('["free","pro",],1]')
assert bundle.contains('["page_url","string","url",0,0,0,["utm_source",]]')
assert page.contains('successful submission of HubSpot form 78c2891f-ebdd-44c0-bd94-15c012bbbfbf')
evaluate(new File(itSupport, 'no-warnings.groovy'))
return true
