package manifests

import (
	"fmt"
	"math/rand"
	"sort"
	"strconv"
	"testing"

	"helm.sh/helm/v3/pkg/releaseutil"
)

// helmSplit is releaseutil.SplitManifests' documents in its own order (its keys are "manifest-<n>").
func helmSplit(s string) []string {
	m := releaseutil.SplitManifests(s)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Sort(releaseutil.BySplitManifestsOrder(keys))
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		out = append(out, m[k])
	}
	return out
}

var crafted = []string{
	"", "---", "---\n", "\n---\n", "a", "a\n---\nb", "---\na\n---\nb\n", "a\n---", "a\n--- \n---",
	"a\n------\nb", "a\n---\n---\nb", "a  \n \n---\t\nb", "a\n---x\nb", "---x", "a\n ---\nb", "a\r\n---\r\nb",
	"a\n---# c\nb", "a\f\n---\fb", "a\v\n---\vb", "\u0085a\n---\n\u00a0b\u00a0", "a\n---\n\n\n", "----\n-",
	"a\n\n---\n\n---\n\nb\n---", "# only\n---\n# comments\n",
}

func TestSplitAsHelmSplits(t *testing.T) {
	for _, s := range crafted {
		if got, want := fmt.Sprintf("%q", Split(s)), fmt.Sprintf("%q", helmSplit(s)); got != want {
			t.Errorf("Split(%q) = %s, Helm: %s", s, got, want)
		}
	}
	alphabet := []string{"-", "-", "-", "---", "\n", "\n", " ", "\t", "\r", "\f", "\v", "a", "#", ":", "\u0085", "\u00a0"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 200000; i++ {
		n := r.Intn(24)
		s := ""
		for j := 0; j < n; j++ {
			s += alphabet[r.Intn(len(alphabet))]
		}
		if got, want := fmt.Sprintf("%q", Split(s)), fmt.Sprintf("%q", helmSplit(s)); got != want {
			t.Fatalf("Split(%q) = %s, Helm: %s", s, got, want)
		}
	}
}

var heads = []string{
	"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c%d",
	"apiVersion: v1\nkind: Service\nmetadata:\n  name: s%d",
	"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d%d",
	"apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa%d}",
	"apiVersion: example.io/v1\nkind: Zeta\nmetadata: {name: z%d}",
	"apiVersion: example.io/v1\nkind: Alpha\nmetadata: {name: a%d}",
	"apiVersion: v1\nkind: Pod\nmetadata:\n  name: h%d\n  annotations:\n    helm.sh/hook: test",
	"apiVersion: v1\nkind: Pod\nmetadata:\n  name: u%d\n  annotations:\n    helm.sh/hook: no-such-event",
	"apiVersion: v1\nkind: Secret\nmetadata:\n  name: n%d\n  annotations: {note: x}",
	"# comment %d",
	"kind: on\nmetadata: {name: b%d}",
	"kind: 5\nx: %d",
	"Kind: Namespace\nx: %d",
	"- a list %d",
	"x: .inf # %d",
	"",
}

var separators = []string{"\n---\n", "\n--- \n", "\n---\t# c\n", "\n\n---\n\n", "\n---\n---\n", "\n----\n"}

func TestSortAsHelmSorts(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 3000; i++ {
		files := map[string]string{}
		for f := r.Intn(5); f >= 0; f-- {
			name := "chart/templates/" + []string{"a", "b", "_helpers", "c/d", "Z"}[r.Intn(5)] + strconv.Itoa(r.Intn(3)) + ".yaml"
			text := ""
			for d := r.Intn(5); d >= 0; d-- {
				if text != "" || r.Intn(3) == 0 {
					text += separators[r.Intn(len(separators))]
				}
				head := heads[r.Intn(len(heads))]
				if head != "" {
					head = fmt.Sprintf(head, r.Intn(100))
				}
				text += head
			}
			files[name] = text
		}
		_, want, wantErr := releaseutil.SortManifests(files, nil, releaseutil.InstallOrder)
		got, gotErr := Sort(files)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("files %q: error %v, Helm: %v", files, gotErr, wantErr)
		}
		if wantErr != nil {
			continue
		}
		if len(got) != len(want) {
			t.Fatalf("files %q: %d manifests, Helm: %d", files, len(got), len(want))
		}
		for k := range got {
			if got[k].Name != want[k].Name || got[k].Content != want[k].Content || got[k].Head.Kind != want[k].Head.Kind {
				t.Fatalf("files %q: manifest %d is %q %q, Helm: %q %q", files, k, got[k].Name, got[k].Content, want[k].Name, want[k].Content)
			}
		}
	}
}
