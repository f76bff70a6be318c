def log = new File(basedir, 'build.log').text
assert log.contains("src/main/site/pages/about.md:[6,16] TP504 page /about/ links to '/team/', which is not part of the site")
assert log.contains("links to '/img/missing.png'")
assert !new File(basedir, 'target/site').exists()
evaluate(new File(itSupport, 'no-warnings.groovy'))
return true
