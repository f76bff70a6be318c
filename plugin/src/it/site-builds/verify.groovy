def site = new File(basedir, 'target/site')
def index = new File(site, 'index.html').text
assert index.contains('id="hs-script-loader"') : 'loader tag missing'
assert index.contains('//js.hs-scripts.com/777.js') : 'loader URL missing'
def bundles = new File(site, 'js').listFiles().findAll { it.name ==~ /trackplan\.[0-9a-f]{10}\.js/ }
assert bundles.size() == 1 : "expected one bundle, found ${bundles}"
assert index.contains("src=\"/js/${bundles[0].name}\"") : 'bundle script tag missing'
assert bundles[0].text.contains('"pe777_signup_clicked"')
assert new File(site, 'about/index.html').exists()
assert new File(site, 'tracking-plan/index.html').text.contains('Sign-up clicked')
def json = new groovy.json.JsonSlurper().parse(new File(site, 'tracking-plan.json'))
assert json.eventDefinitions[0].name == 'signup_clicked'
assert json.eventDefinitions[0].propertyDefinitions*.name == ['plan', 'price']
assert !json.eventDefinitions[0].containsKey('fullyQualifiedName')
assert json.trackplan.fullyQualifiedNames.signup_clicked.startsWith('pe')
assert new File(site, 'sitemap.xml').text.contains('<loc>https://it.example/about/</loc>')
assert new File(basedir, 'target/trackplan-reports/TEST-trackplan-verify.xml').text.contains('signup_clicked')
def log = new File(basedir, 'build.log').text
assert log.contains('Trackplan: Verified 1 events')
evaluate(new File(itSupport, 'no-warnings.groovy'))
return true
