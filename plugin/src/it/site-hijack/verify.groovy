// Files that would replace generated output, and a partial naming a file of the build machine:
// each is an error at the user's file, nothing is published, nothing of /etc/passwd is shown
def log = new File(basedir, 'build.log').text
assert log.contains("src/main/site/assets/tracking-plan.json:[1,1] TP509 asset src/main/site/assets/tracking-plan.json has the same path tracking-plan.json as the generated tracking-plan.json; rename one of them")
assert log.contains("src/main/site/assets/robots.txt:[1,1] TP509 asset src/main/site/assets/robots.txt has the same path robots.txt as the generated robots.txt")
assert log.contains("src/main/site/pages/tracking-plan.md:[1,1] TP509 page src/main/site/pages/tracking-plan.md (URL /tracking-plan/) has the same path tracking-plan/index.html as the generated tracking plan page /tracking-plan/")
assert log.contains("src/main/site/pages/index.md:[1,1] TP506 layout trackplan-templates:trackplan/site/default.html.mustache failed: partial '{{> /etc/passwd}}' in src/main/site/layouts/footer.html.mustache line 1 is an absolute path; name a file inside the folder")
assert !log.contains("root:x:0:0")
assert !log.contains("\tat dev.trackplan") && !log.contains("MustacheException") && !log.contains("UncheckedIOException")
assert !new File(basedir, 'target/site').exists()
evaluate(new File(itSupport, 'no-warnings.groovy'))
return true
