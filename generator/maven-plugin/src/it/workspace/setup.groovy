// Before the build: the workspace gets the platform file and the charts of this repository (envforge.repo, passed
// by the plugin's pom as scriptVariables) and becomes a Git repository with one commit, as TestWorkspace makes it.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

Path ws = basedir.toPath()
Path repo = Path.of(envforgeRepo)

def copyTree = { Path from, Path to ->
    Files.walk(from).withCloseable { paths ->
        paths.each { p ->
            Path target = to.resolve(from.relativize(p).toString())
            if (Files.isDirectory(p)) {
                Files.createDirectories(target)
            } else {
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING)
            }
        }
    }
}
Files.createDirectories(ws.resolve('environments'))
Files.copy(repo.resolve('environments/platform.yaml'), ws.resolve('environments/platform.yaml'),
        StandardCopyOption.REPLACE_EXISTING)
copyTree(repo.resolve('charts'), ws.resolve('charts'))
Files.writeString(ws.resolve('.gitignore'), 'target/\nbuild.log\n')

def git = { String... args ->
    def p = new ProcessBuilder(['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com'] + args.toList())
            .directory(ws.toFile()).redirectErrorStream(true).start()
    String out = p.inputStream.text
    assert p.waitFor() == 0: "git ${args.join(' ')}: ${out}"
    return out.trim()
}
git('init', '-q', '-b', 'main')
git('add', '.')
git('commit', '-q', '-m', 'initial')
return true
