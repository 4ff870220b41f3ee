// Command registry serves go-containerregistry's in-memory OCI registry (pkg/registry) on 127.0.0.1 only, for the
// image tests: its own cmd/registry listens on every interface.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"time"

	"github.com/google/go-containerregistry/pkg/registry"
)

func main() {
	port := flag.Int("port", 1338, "port on 127.0.0.1")
	flag.Parse()
	server := &http.Server{
		Addr:              fmt.Sprintf("127.0.0.1:%d", *port),
		Handler:           registry.New(),
		ReadHeaderTimeout: 10 * time.Second,
	}
	log.Printf("registry on %s", server.Addr)
	log.Fatal(server.ListenAndServe())
}
