def log = new File(basedir, 'build.log').text
assert log.contains("src/main/site/pages/about.md:[3,8] TP502 draft must be true or false, found 'maybe'")
assert log.contains("src/main/site/pages/about.md:[4,1] TP501 unknown front matter key 'weigth'; did you mean 'weight'?")
evaluate(new File(itSupport, 'no-warnings.groovy'))
return true
