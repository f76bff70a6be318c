import groovy.xml.XmlSlurper

def site = new File(basedir, 'target/site')
def read = { String f -> new File(site, f).text }
def entries = { String html -> (html =~ /<li class="post-card">/).size() }

// a 12-post section pages as 10 + 2, newest first; scheduled and expired posts are left out
def first = read('news/index.html')
assert entries(first) == 10
assert first.indexOf('Post 12') < first.indexOf('Post 11')
assert first.contains('<a rel="next" href="/news/page/2/">')
def second = read('news/page/2/index.html')
assert entries(second) == 2 && second.contains('Post 02') && second.contains('Post 01')
assert !new File(site, 'news/page/3').exists()
assert !new File(site, 'news/scheduled').exists() && !new File(site, 'news/gone').exists()

// tags
assert read('tags/index.html').contains('href="/tags/all/"')
assert entries(read('tags/even/index.html')) == 6

// feeds: well-formed Atom with absolute URLs
def feed = new XmlSlurper().parseText(read('news/feed.xml'))
assert feed.name() == 'feed' && feed.namespaceURI() == 'http://www.w3.org/2005/Atom'
assert feed.entry.size() == 12
assert feed.id.text() == 'https://blog.it.example/news/feed.xml'
assert feed.updated.text() == '2026-05-12T00:00:00Z'
assert feed.entry[0].link.@href.text() == 'https://blog.it.example/news/post-12/'
assert feed.entry[0].author.name.text() == 'Writer 12'
assert new XmlSlurper().parseText(read('feed.xml')).entry.size() == 12

// head: lang, canonical, sharing tags, feeds, one stylesheet; the logo
def post = read('news/post-03/index.html')
assert post.contains('<html lang="fr">')
assert post.contains('<link rel="canonical" href="https://blog.it.example/news/post-03/">')
assert post.contains('<meta property="og:type" content="article">')
assert post.contains('<meta name="author" content="Writer 03">')
assert post.contains('href="/news/feed.xml"') && post.contains('href="/feed.xml"')
def css = new File(site, 'css').listFiles().findAll { it.name ==~ /site\.[0-9a-f]{10}\.css/ }
assert css.size() == 1 && post.contains("href=\"/css/${css[0].name}\"")
assert post.contains('<img class="logo" src="/logo.svg"')

// the alias redirects
def alias = read('old/first-post/index.html')
assert alias.contains('<meta http-equiv="refresh" content="0; url=/news/post-01/">')
assert alias.contains('<link rel="canonical" href="https://blog.it.example/news/post-01/">')

// sitemap lastmod; the verification read the author from the meta tag
assert read('sitemap.xml').contains('<loc>https://blog.it.example/news/post-05/</loc><lastmod>2026-05-05T00:00:00Z</lastmod>')
def log = new File(basedir, 'build.log').text
assert log.contains('Trackplan: Verified 1 events')
assert !log.contains('TP514')
evaluate(new File(itSupport, 'no-warnings.groovy'))
return true
