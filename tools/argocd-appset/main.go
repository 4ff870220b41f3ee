// Command argocd-appset expands an ApplicationSet the way the ApplicationSet controller of Argo CD v3.6.1 does, with
// Argo CD's own code, and prints the Applications as JSON. Test harness for envforge (tools/argocd-appset/README.md).
//
// The parts, each named after the Argo CD source it runs:
//   - a repo-server (reposerver.NewServer + CreateGRPC, as cmd/argocd-repo-server does), plaintext gRPC on
//     127.0.0.1, with an in-memory cache; it fetches the Git repository with Argo CD's git client (the git CLI and
//     go-git), so the ApplicationSet's repoURL must be reachable from here (the test serves it on loopback);
//   - the ApplicationSet controller's repository service (services.NewArgoCDService over
//     apiclient.NewRepoServerClientset) and Git generator (generators.NewGitGenerator), wired as in
//     cmd/argocd-applicationset-controller/commands/applicationset_controller.go;
//   - the expansion itself: template.GenerateApplications with utils.Render, what
//     ApplicationSetReconciler.Reconcile calls (applicationset/controllers/applicationset_controller.go);
//   - the controller's checks of each Application (validateGeneratedApplications: a name, no duplicate, the project
//     exists, the destination cluster is known), and the application controller's permission check
//     (util/argo.ValidatePermissions: the project admits the source repository and the destination).
//
// With -waves FILE it instead prints the sync wave of each object of a multi-document manifest (what `kubectl
// kustomize` built from an Application's source path), read by gitops-engine's own kube.SplitYAML and
// syncwaves.Wave, the function the sync uses to order objects.
//
// Kubernetes is a fake clientset and a controller-runtime fake client holding the AppProject (-project), the
// clusters registered in Argo CD (-cluster name=server, as `argocd cluster add --name` stores them) and empty
// argocd-cm/argocd-secret. No API server is involved.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/argoproj/argo-cd/gitops-engine/v3/pkg/sync/syncwaves"
	"github.com/argoproj/argo-cd/gitops-engine/v3/pkg/utils/kube"
	log "github.com/sirupsen/logrus"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"
	kubefake "k8s.io/client-go/kubernetes/fake"
	"sigs.k8s.io/controller-runtime/pkg/client"
	crfake "sigs.k8s.io/controller-runtime/pkg/client/fake"
	"sigs.k8s.io/yaml"

	"github.com/argoproj/argo-cd/v3/applicationset/controllers/template"
	"github.com/argoproj/argo-cd/v3/applicationset/generators"
	"github.com/argoproj/argo-cd/v3/applicationset/services"
	"github.com/argoproj/argo-cd/v3/applicationset/utils"
	"github.com/argoproj/argo-cd/v3/common"
	"github.com/argoproj/argo-cd/v3/pkg/apis/application/v1alpha1"
	"github.com/argoproj/argo-cd/v3/reposerver"
	"github.com/argoproj/argo-cd/v3/reposerver/apiclient"
	reposervercache "github.com/argoproj/argo-cd/v3/reposerver/cache"
	"github.com/argoproj/argo-cd/v3/reposerver/metrics"
	"github.com/argoproj/argo-cd/v3/reposerver/repository"
	"github.com/argoproj/argo-cd/v3/util/argo"
	"github.com/argoproj/argo-cd/v3/util/askpass"
	cacheutil "github.com/argoproj/argo-cd/v3/util/cache"
	"github.com/argoproj/argo-cd/v3/util/db"
	"github.com/argoproj/argo-cd/v3/util/settings"
	utiltls "github.com/argoproj/argo-cd/v3/util/tls"
)

// Output is what the harness prints: the Applications, and per Application what the controllers refused.
type Output struct {
	ArgoCDVersion string                 `json:"argocdVersion"`
	Applications  []v1alpha1.Application `json:"applications"`
	Errors        map[string][]string    `json:"errors"`
	Params        []map[string]any       `json:"params,omitempty"`
}

// The Argo CD module version this harness is built against (go.mod), printed for the record.
const argoCDVersion = "v3.6.1"

type clusters []string

func (c *clusters) String() string     { return strings.Join(*c, ",") }
func (c *clusters) Set(v string) error { *c = append(*c, v); return nil }

func main() {
	appSetFile := flag.String("appset", "", "the ApplicationSet YAML file")
	projectFile := flag.String("project", "", "the AppProject YAML file (the controller reads it from the cluster)")
	namespace := flag.String("namespace", "argocd", "Argo CD's namespace")
	newGlobbing := flag.Bool("new-git-file-globbing", false,
		"the controller's --enable-new-git-file-globbing (default false in v3.6.1)")
	showParams := flag.Bool("params", false, "also print the Git generator's parameters")
	wavesFile := flag.String("waves", "", "instead: print the sync wave of each object in this manifest file")
	var known clusters
	flag.Var(&known, "cluster", "a cluster registered in Argo CD, name=https://server (repeatable)")
	flag.Parse()
	if *wavesFile != "" {
		waves, err := readWaves(*wavesFile)
		if err != nil {
			fail(err.Error())
		}
		emit(waves)
		return
	}
	if *appSetFile == "" || *projectFile == "" {
		fail("usage: argocd-appset -appset FILE -project FILE [-cluster name=server ...]")
	}
	log.SetOutput(os.Stderr)
	log.SetLevel(log.WarnLevel)
	out, err := run(*appSetFile, *projectFile, *namespace, *newGlobbing, known, *showParams)
	if err != nil {
		fail(err.Error())
	}
	emit(out)
}

func emit(v any) {
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fail(err.Error())
	}
}

// ObjectWave is one object of a manifest and the sync wave Argo CD gives it.
type ObjectWave struct {
	Kind      string `json:"kind"`
	Name      string `json:"name"`
	Namespace string `json:"namespace,omitempty"`
	Wave      int    `json:"wave"`
}

func readWaves(file string) ([]ObjectWave, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	objs, err := kube.SplitYAML(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	out := make([]ObjectWave, 0, len(objs))
	for _, o := range objs {
		out = append(out, ObjectWave{Kind: o.GetKind(), Name: o.GetName(), Namespace: o.GetNamespace(),
			Wave: syncwaves.Wave(o)})
	}
	return out, nil
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "argocd-appset: "+msg)
	os.Exit(1)
}

func run(appSetFile, projectFile, ns string, newGlobbing bool, known clusters, showParams bool) (*Output, error) {
	ctx := context.Background()
	var appSet v1alpha1.ApplicationSet
	if err := readStrict(appSetFile, &appSet); err != nil {
		return nil, err
	}
	var project v1alpha1.AppProject
	if err := readStrict(projectFile, &project); err != nil {
		return nil, err
	}

	addr, stop, err := startRepoServer()
	if err != nil {
		return nil, err
	}
	defer stop()

	kube, err := kubeObjects(ns, known)
	if err != nil {
		return nil, err
	}
	kubeClient := kubefake.NewClientset(kube...)
	settingsMgr := settings.NewSettingsManager(ctx, kubeClient, ns)
	argoDB := db.NewDB(ns, settingsMgr, kubeClient)

	scheme := runtime.NewScheme()
	if err := v1alpha1.AddToScheme(scheme); err != nil {
		return nil, err
	}
	ctrlClient := crfake.NewClientBuilder().WithScheme(scheme).WithObjects(&project).Build()

	// As cmd/argocd-applicationset-controller wires it (with --repo-server-plaintext; submodules off).
	repoClientset := apiclient.NewRepoServerClientset(addr, 60, utiltls.Configuration{DisableTLS: true})
	argoCDService := services.NewArgoCDService(argoDB, false, repoClientset, newGlobbing)
	gens := map[string]generators.Generator{"Git": generators.NewGitGenerator(argoCDService, ns)}

	out := &Output{ArgoCDVersion: argoCDVersion, Errors: map[string][]string{}}
	if showParams {
		for i := range appSet.Spec.Generators {
			params, err := gens["Git"].GenerateParams(&appSet.Spec.Generators[i], &appSet, ctrlClient)
			if err != nil {
				return nil, fmt.Errorf("git generator: %w", err)
			}
			out.Params = append(out.Params, params...)
		}
	}
	logCtx := log.WithField("applicationset", appSet.Name)
	apps, reason, err := template.GenerateApplications(logCtx, appSet, gens, &utils.Render{}, ctrlClient)
	if err != nil {
		return nil, fmt.Errorf("ApplicationSet %s: %s: %w", appSet.Name, reason, err)
	}
	sort.Slice(apps, func(i, j int) bool { return apps[i].Name < apps[j].Name })
	for i := range apps {
		apps[i].APIVersion = "argoproj.io/v1alpha1"
		apps[i].Kind = "Application"
	}
	out.Applications = apps
	if err := check(ctx, apps, ctrlClient, argoDB, ns, out.Errors); err != nil {
		return nil, err
	}
	return out, nil
}

// check: ApplicationSetReconciler.validateGeneratedApplications (unexported there, so its steps are called here in
// its order), then util/argo.ValidatePermissions as the application controller runs it on each Application.
func check(ctx context.Context, apps []v1alpha1.Application, c client.Client, argoDB db.ArgoDB, ns string,
	errs map[string][]string) error {
	names := map[string]bool{}
	for i := range apps {
		app := &apps[i]
		key := app.QualifiedName()
		if app.Name == "" {
			errs[key] = append(errs[key], "application with no name")
			continue
		}
		if names[app.Name] {
			errs[key] = append(errs[key], "duplicate name "+app.Name)
			continue
		}
		names[app.Name] = true
		proj := &v1alpha1.AppProject{}
		if err := c.Get(ctx, types.NamespacedName{Name: app.Spec.Project, Namespace: ns}, proj); err != nil {
			errs[key] = append(errs[key], fmt.Sprintf("application references project %s which does not exist: %v",
				app.Spec.Project, err))
			continue
		}
		if _, err := argo.GetDestinationCluster(ctx, app.Spec.Destination, argoDB); err != nil {
			errs[key] = append(errs[key], "application destination spec is invalid: "+err.Error())
			continue
		}
		conditions, err := argo.ValidatePermissions(ctx, &app.Spec, proj, argoDB)
		if err != nil {
			return err
		}
		for _, cond := range conditions {
			errs[key] = append(errs[key], cond.Type+": "+cond.Message)
		}
	}
	return nil
}

// startRepoServer runs Argo CD's repo-server in this process on a free loopback port.
func startRepoServer() (string, func(), error) {
	tmp, err := os.MkdirTemp("", "argocd-appset-")
	if err != nil {
		return "", nil, err
	}
	// The repo-server clones under os.TempDir()/_argocd-repo (reposerver/server.go) and git's askpass helper talks
	// to a unix socket (util/askpass): both inside our own temporary folder.
	if err := os.Setenv("TMPDIR", tmp); err != nil {
		return "", nil, err
	}
	askPass := askpass.NewServer(filepath.Join(tmp, "askpass.sock"))
	if err := askPass.Run(); err != nil {
		return "", nil, fmt.Errorf("askpass: %w", err)
	}
	// Expirations are the repo-server's defaults (reposerver/cache.AddCacheFlagsToCmd: 24h, 3m, 10s).
	cache := reposervercache.NewCache(cacheutil.NewCache(cacheutil.NewInMemoryCache(time.Hour)),
		24*time.Hour, 3*time.Minute, 10*time.Second)
	server, err := reposerver.NewServer(metrics.NewMetricsServer(), cache, nil, repository.RepoServerInitConstants{},
		askPass, "", true)
	if err != nil {
		return "", nil, err
	}
	listener, err := (&net.ListenConfig{}).Listen(context.Background(), "tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	grpc := server.CreateGRPC()
	go func() { _ = grpc.Serve(listener) }()
	return listener.Addr().String(), func() {
		grpc.Stop()
		_ = os.RemoveAll(tmp)
	}, nil
}

// kubeObjects: argocd-cm and argocd-secret (the settings manager needs both) and one cluster Secret per -cluster,
// labelled and shaped as util/db/cluster.go stores them.
func kubeObjects(ns string, known clusters) ([]runtime.Object, error) {
	objs := []runtime.Object{
		&corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Name: common.ArgoCDConfigMapName, Namespace: ns,
			Labels: map[string]string{"app.kubernetes.io/part-of": "argocd"}}},
		&corev1.Secret{ObjectMeta: metav1.ObjectMeta{Name: common.ArgoCDSecretName, Namespace: ns,
			Labels: map[string]string{"app.kubernetes.io/part-of": "argocd"}},
			Data: map[string][]byte{"server.secretkey": []byte("harness")}},
	}
	for i, c := range known {
		name, server, ok := strings.Cut(c, "=")
		if !ok || name == "" || server == "" {
			return nil, fmt.Errorf("-cluster %q: want name=https://server", c)
		}
		objs = append(objs, &corev1.Secret{
			ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("cluster-%d", i), Namespace: ns,
				Labels: map[string]string{common.LabelKeySecretType: common.LabelValueSecretTypeCluster}},
			Data: map[string][]byte{"name": []byte(name), "server": []byte(server), "config": []byte("{}")},
		})
	}
	return objs, nil
}

// readStrict reads one YAML object; an unknown field is an error (the CRD's structural schema would drop it).
func readStrict(file string, into any) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if err := yaml.UnmarshalStrict(data, into); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}
