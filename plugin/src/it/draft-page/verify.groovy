def site = new File(basedir, 'target/site')
assert new File(site, 'index.html').exists()
assert !new File(site, 'secret').exists() : 'drafts are left out'
assert !new File(site, 'sitemap.xml').text.contains('secret')
assert !new File(site, 'index.html').text.contains('Secret plans') : 'drafts are not in the navigation'
evaluate(new File(itSupport, 'no-warnings.groovy'))
return true
