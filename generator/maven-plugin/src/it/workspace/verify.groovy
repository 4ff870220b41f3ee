// After the build: what each goal did, read from the Git history, the tree and the build's log.
import java.nio.file.Files

def git = { String... args ->
    def p = new ProcessBuilder(['git'] + args.toList()).directory(basedir).redirectErrorStream(true).start()
    String out = p.inputStream.text
    assert p.waitFor() == 0: "git ${args.join(' ')}: ${out}"
    return out.trim()
}
String log = new File(basedir, 'build.log').getText('UTF-8')

// diff: the change summary of a new dev1, printed before anything was written
int diffAt = log.indexOf('envforge-maven-plugin:' + projectVersion + ':diff')
int generateAt = log.indexOf('envforge-maven-plugin:' + projectVersion + ':generate')
assert diffAt >= 0 && generateAt > diffAt: 'diff, then generate'
String diff = log.substring(diffAt, generateAt)
assert diff.contains('- added `Namespace dev1` in `overlays/dev1/platform/namespace.yaml`'): diff

// generate: one commit holding dev1's spec and generated files
List<String> subjects = git('log', '--format=%s').readLines()
assert subjects.size() == 3: subjects
assert subjects[1] == 'envforge: generate dev1': subjects
List<String> generated = git('show', '--name-only', '--format=', 'HEAD~1').readLines()
['environments/dev1.yaml', 'overlays/dev1/kustomization.yaml', 'terraform/environments/dev1/main.tf'].each {
    assert generated.contains(it): "${it} not in the generate commit: ${generated}"
}
// the block the diff announced as allocated from the pools is the one the committed spec holds
def allocated = (diff =~ /dev1 \(new\): \S+ \S+, block (\S+) \(allocated: the lowest free block/)
assert allocated.find(): diff
String block = allocated.group(1)
assert git('show', 'HEAD~1:environments/dev1.yaml').contains(block)

// pools: the block dev1 took is reported as used
int poolsAt = log.indexOf('envforge-maven-plugin:' + projectVersion + ':pools')
int removeAt = log.indexOf('envforge-maven-plugin:' + projectVersion + ':remove')
assert poolsAt > generateAt && removeAt > poolsAt: 'pools, then remove'
String pools = log.substring(poolsAt, removeAt)
def pool = (pools =~ /\[INFO\] envforge: pool \S+ (\S+) \/\d+: (\d+) blocks, 1 used, (\d+) free/)
assert pool.find(): pools
assert (pool.group(2) as int) == (pool.group(3) as int) + 1: pools

// remove: a second commit deletes every file of dev1, the rest stays
assert subjects[0].contains('dev1'): subjects
assert !git('ls-tree', '-r', '--name-only', 'HEAD').readLines().any { it.contains('dev1') }
assert git('ls-tree', '-r', '--name-only', 'HEAD').readLines().contains('environments/platform.yaml')
assert log.substring(removeAt).contains('envforge: committed ')
assert git('status', '--porcelain').isEmpty(): git('status', '--porcelain')
return true
