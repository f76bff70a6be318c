// Starts the HubSpot API stand-in (plugin/src/test/java/.../HubSpotStandIn) on a free loopback port and
// points every invocation of this IT at it through .mvn/maven.config.
def hubspot = new dev.trackplan.publish.HubSpotStandIn()
context.put('hubspot', hubspot)
def mvn = new File(basedir, '.mvn')
mvn.mkdirs()
new File(mvn, 'maven.config').text = "-Dtrackplan.apiUrl=${hubspot.url()}\n"
return true
