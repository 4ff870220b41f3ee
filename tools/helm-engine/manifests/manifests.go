// Package manifests does what releaseutil.SortManifests does for `helm template` (Helm v3.21.0,
// pkg/releaseutil/manifest_sorter.go, manifest.go, kind_sorter.go), with one part written differently: the split of a
// file into documents. Helm splits with the regular expression (?:^|\s*\n)---\s* (SplitManifests); Go's backtracking
// matcher spent a fifth of a render's CPU there (pprof of 200 renders of charts/api-gateway). Split finds the same
// matches by hand. Everything else calls or follows Helm: each document's head is read by sigs.k8s.io/yaml into
// releaseutil.SimpleHead, hooks are set apart, the rest ordered stably by releaseutil.InstallOrder.
// manifests_test.go compares Split with releaseutil.SplitManifests and Sort with releaseutil.SortManifests on crafted
// and random input.
package manifests

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"helm.sh/helm/v3/pkg/release"
	"helm.sh/helm/v3/pkg/releaseutil"
	"sigs.k8s.io/yaml"
)

// Sort returns the manifests that are not hooks, in the order releaseutil.SortManifests(files, nil,
// releaseutil.InstallOrder) returns them, or its error. Hooks, which `helm template` without hooks does not print,
// are left out; an unknown hook is not logged (SortManifests logs "info: skipping unknown hook").
func Sort(files map[string]string) ([]releaseutil.Manifest, error) {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var generic []releaseutil.Manifest
	for _, p := range paths {
		content := files[p]
		if strings.HasPrefix(path.Base(p), "_") || strings.TrimSpace(content) == "" {
			continue
		}
		for _, m := range Split(content) {
			var entry releaseutil.SimpleHead
			if err := yaml.Unmarshal([]byte(m), &entry); err != nil {
				return nil, fmt.Errorf("YAML parse error on %s: %w", p, err)
			}
			if entry.Metadata != nil && len(entry.Metadata.Annotations) != 0 {
				if _, hook := entry.Metadata.Annotations[release.HookAnnotation]; hook {
					continue
				}
			}
			generic = append(generic, releaseutil.Manifest{Name: p, Content: m, Head: &entry})
		}
	}
	rank := make(map[string]int, len(releaseutil.InstallOrder))
	for i, kind := range releaseutil.InstallOrder {
		rank[kind] = i
	}
	sort.SliceStable(generic, func(i, j int) bool { // kind_sorter.go lessByKind
		a, b := generic[i].Head.Kind, generic[j].Head.Kind
		first, aok := rank[a]
		second, bok := rank[b]
		switch {
		case !aok && !bok:
			return a != b && a < b
		case !aok:
			return false
		case !bok:
			return true
		}
		return first < second
	})
	return generic, nil
}

// Split returns the documents releaseutil.SplitManifests returns, in their order: the text trimmed, cut at every
// leftmost match of (?:^|\s*\n)---\s* (RE2's \s: tab, newline, form feed, carriage return, space), empty pieces
// left out, each piece trimmed.
func Split(bigFile string) []string {
	s := strings.TrimSpace(bigFile)
	var docs []string
	add := func(piece string) {
		if piece != "" {
			docs = append(docs, strings.TrimSpace(piece))
		}
	}
	begin, from := 0, 0
	for {
		var start, dashes int
		if from == 0 && strings.HasPrefix(s, "---") {
			start, dashes = 0, 0 // the ^ branch: only at the start of the text
		} else {
			nl := strings.Index(s[from:], "\n---")
			if nl < 0 {
				break
			}
			nl += from
			start = nl
			for start > from && isSpace(s[start-1]) {
				start-- // \s* before the newline: the leftmost match starts at the first space of the run
			}
			dashes = nl + 1
		}
		end := dashes + 3
		for end < len(s) && isSpace(s[end]) {
			end++ // \s* after the dashes is greedy
		}
		add(s[begin:start])
		begin, from = end, end
		if end >= len(s) {
			break
		}
	}
	add(s[begin:])
	return docs
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
