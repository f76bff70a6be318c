// four mistakes in four stages (spec, front matter, link, verification), all in one mvn package
def log = new File(basedir, 'build.log').text
assert log.contains("Trackplan: the specs are checked by trackplan:build later in this run")
assert log.contains("[ERROR] src/main/tracking/events/site.yaml:[14,3] TP110 event name 'Newsletter_Signup'")
assert log.contains("[ERROR] src/main/site/pages/index.md:[3,1] TP501 unknown front matter key 'titel'; did you mean 'title'?")
assert log.contains("[ERROR] src/main/site/pages/index.md:[7,68] TP504 page / links to '/team/'")
assert log.contains("[ERROR] src/main/tracking/events/site.yaml:[21,14] TP310 pricing_viewed: visit glob '/pricing/**' matches no generated page")
assert log.contains('Trackplan found 4 errors')
// a warning is printed once, though check and build both ran
def warning = "TP170 event 'pricing_viewed' has no examples"
assert log.count(warning) == 1 : "warning printed ${log.count(warning)} times"
assert !new File(basedir, 'target/site').exists()
evaluate(new File(itSupport, 'no-warnings.groovy'))
return true
