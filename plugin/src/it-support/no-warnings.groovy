// Shared by the IT projects' verify scripts (evaluate(new File(itSupport, 'no-warnings.groovy'))):
// a build shows no warning caused by the plugin on any Maven of the matrix. Trackplan's own
// findings ("[WARNING] file:[line,col] TPnnn ...") are what the user asked for and allowed; so are
// the JVM's warnings about Maven's own libraries (Guava's sun.misc.Unsafe use on JDK 24+), and an
// older Maven's warnings about the settings file the invoker writes for it (a newer settings model),
// and the warnings of the ITs' isolated repository, which takes artifacts from the user's local
// repository (src/it/settings.xml: local.central, a file: repository without checksums).
def lines = new File(basedir, 'build.log').readLines()
def harness = { String line ->
    line ==~ /^\[WARNING\]\s*$/ || line.contains('invoker-settings') ||
            line.contains('Some problems were encountered while building the effective settings') ||
            (line.contains('file:') && (line.contains('Could not validate integrity of download from')
                    || line.contains('no checksums available from local.central')))
}
def noise = lines.findAll { line ->
    (line.startsWith('[WARNING]') && !(line ==~ /^\[WARNING\] \S.*:\[\d+,\d+\] TP\d{3} .*/) && !harness(line)) ||
            (line.startsWith('WARNING:') && line =~ /(?i)truffle|graal|polyglot|trackplan|hubspot/)
}
assert noise.isEmpty() : "warnings in the build:\n" + noise.join('\n')
