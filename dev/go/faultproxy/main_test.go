package main

import (
	"bufio"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// upstream is a fake API server: it echoes the request, or streams watch events slowly.
func upstream(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("watch") == "true" {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusOK)
			for i := 0; i < 3; i++ {
				fmt.Fprintf(w, "{\"type\":\"ADDED\",\"object\":{\"n\":%d}}\n", i)
				w.(http.Flusher).Flush()
				time.Sleep(200 * time.Millisecond)
			}
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{
			"method": r.Method, "path": r.URL.Path, "userAgent": r.UserAgent()})
	}))
	t.Cleanup(srv.Close)
	return srv
}

func proxyFor(t *testing.T, up *httptest.Server, s Settings) (*Proxy, *httptest.Server) {
	t.Helper()
	target, _ := url.Parse(up.URL)
	p, err := NewProxy(target, up.Client().Transport, s, 1)
	if err != nil {
		t.Fatal(err)
	}
	front := httptest.NewServer(p)
	t.Cleanup(front.Close)
	return p, front
}

func do(t *testing.T, method, u string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(method, u, strings.NewReader("{}"))
	req.Header.Set("User-Agent", "modelops-operator/test (replica-a)")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func TestForwardsWithoutFaults(t *testing.T) {
	_, front := proxyFor(t, upstream(t), Settings{Codes: []int{409, 429, 500, 503}})
	resp := do(t, http.MethodGet, front.URL+"/api/v1/namespaces")
	defer resp.Body.Close()
	var body map[string]string
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || body["path"] != "/api/v1/namespaces" {
		t.Fatalf("got %d %v", resp.StatusCode, body)
	}
	if body["userAgent"] != "modelops-operator/test (replica-a)" {
		t.Fatalf("user agent not passed on: %q", body["userAgent"])
	}
}

func TestInjectsEveryConfiguredStatusAsAnApiServerStatus(t *testing.T) {
	p, front := proxyFor(t, upstream(t), Settings{ErrorRate: 1, Codes: []int{409, 429, 500, 503}, RetryAfter: 2})
	seen := map[int]bool{}
	for i := 0; i < 200; i++ {
		resp := do(t, http.MethodPatch, front.URL+"/apis/apps/v1/namespaces/a/deployments/x")
		var st map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&st); err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		seen[resp.StatusCode] = true
		if st["kind"] != "Status" || int(st["code"].(float64)) != resp.StatusCode {
			t.Fatalf("not a Status for %d: %v", resp.StatusCode, st)
		}
		if resp.StatusCode == 429 && resp.Header.Get("Retry-After") != "2" {
			t.Fatalf("429 without Retry-After: %v", resp.Header)
		}
	}
	for _, c := range []int{409, 429, 500, 503} {
		if !seen[c] {
			t.Errorf("status %d never injected: %v", c, seen)
		}
	}
	_, st := p.Snapshot()
	if st.Forwarded != 0 || st.Requests != 200 {
		t.Fatalf("stats: %+v", st)
	}
}

func TestConflictOnlyForWrites(t *testing.T) {
	_, front := proxyFor(t, upstream(t), Settings{ErrorRate: 1, Codes: []int{409}})
	resp := do(t, http.MethodGet, front.URL+"/api/v1/pods")
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("a read got %d; 409 is only injected on writes", resp.StatusCode)
	}
	resp = do(t, http.MethodPut, front.URL+"/api/v1/namespaces/a/pods/p")
	resp.Body.Close()
	if resp.StatusCode != 409 {
		t.Fatalf("a write got %d", resp.StatusCode)
	}
}

func TestErrorRateIsRoughlyTheConfiguredShare(t *testing.T) {
	p, front := proxyFor(t, upstream(t), Settings{ErrorRate: 0.05, Codes: []int{429, 500, 503}})
	const n = 2000
	for i := 0; i < n; i++ {
		resp := do(t, http.MethodGet, front.URL+"/api/v1/pods")
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	_, st := p.Snapshot()
	var injected int64
	for _, v := range st.Injected {
		injected += v
	}
	if injected < n*3/100 || injected > n*7/100 {
		t.Fatalf("injected %d of %d, expected about 5%%", injected, n)
	}
}

func TestLatencyIsAdded(t *testing.T) {
	p, front := proxyFor(t, upstream(t), Settings{Latency: 30 * time.Millisecond, Jitter: 10 * time.Millisecond})
	var mu sync.Mutex
	var slept []time.Duration
	p.sleep = func(d time.Duration) { mu.Lock(); slept = append(slept, d); mu.Unlock(); time.Sleep(d) }
	start := time.Now()
	resp := do(t, http.MethodGet, front.URL+"/api/v1/pods")
	resp.Body.Close()
	if el := time.Since(start); el < 30*time.Millisecond {
		t.Fatalf("answered in %v, before the latency", el)
	}
	if len(slept) != 1 || slept[0] < 30*time.Millisecond || slept[0] >= 40*time.Millisecond {
		t.Fatalf("slept %v", slept)
	}
}

func TestWatchStreamsAndFaultsOnlyItsStart(t *testing.T) {
	p, front := proxyFor(t, upstream(t), Settings{Codes: []int{500}})
	start := time.Now()
	resp := do(t, http.MethodGet, front.URL+"/api/v1/pods?watch=true")
	defer resp.Body.Close()
	r := bufio.NewReader(resp.Body)
	first, err := r.ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(first, `"n":0`) || time.Since(start) > 150*time.Millisecond {
		t.Fatalf("first event %q after %v: not streamed", first, time.Since(start))
	}
	// Faults on from now on: the running watch is not touched.
	if err := p.Apply(Settings{ErrorRate: 1, Codes: []int{500}}); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(r)
	if strings.Count(string(rest), "ADDED") != 2 {
		t.Fatalf("the rest of the stream: %q", rest)
	}
	// A new watch request is faulted at its start.
	resp2 := do(t, http.MethodGet, front.URL+"/api/v1/pods?watch=true")
	resp2.Body.Close()
	if resp2.StatusCode != 500 {
		t.Fatalf("new watch got %d", resp2.StatusCode)
	}
	_, st := p.Snapshot()
	if st.Watches != 2 || st.Injected["500"] != 1 {
		t.Fatalf("stats %+v", st)
	}
}

func TestControlEndpoints(t *testing.T) {
	_, front := proxyFor(t, upstream(t), Settings{Codes: []int{409, 429, 500, 503}})
	resp := do(t, http.MethodPost, front.URL+"/_faultproxy/config?errorRate=1&codes=503&latency=1ms")
	resp.Body.Close()
	if resp.StatusCode != 204 {
		t.Fatalf("config: %d", resp.StatusCode)
	}
	resp = do(t, http.MethodGet, front.URL+"/api/v1/pods")
	resp.Body.Close()
	if resp.StatusCode != 503 {
		t.Fatalf("after config: %d", resp.StatusCode)
	}
	resp = do(t, http.MethodGet, front.URL+"/_faultproxy/stats")
	var got struct {
		Settings Settings
		Stats    Stats
	}
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got.Settings.ErrorRate != 1 || got.Stats.Injected["503"] != 1 {
		t.Fatalf("stats: %+v", got)
	}
	resp = do(t, http.MethodPost, front.URL+"/_faultproxy/config?errorRate=2")
	resp.Body.Close()
	if resp.StatusCode != 400 {
		t.Fatalf("invalid rate accepted: %d", resp.StatusCode)
	}
}

func TestExcludedPathsPass(t *testing.T) {
	_, front := proxyFor(t, upstream(t), Settings{ErrorRate: 1, Codes: []int{500}, Exclude: "/leases/"})
	resp := do(t, http.MethodPut, front.URL+"/apis/coordination.k8s.io/v1/namespaces/a/leases/l")
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("excluded path got %d", resp.StatusCode)
	}
}

func TestListensOnLoopbackOnly(t *testing.T) {
	for _, ok := range []string{"127.0.0.1:0", "[::1]:8443", "localhost:1"} {
		if err := loopbackOnly(ok); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
	for _, bad := range []string{":8443", "0.0.0.0:1", "10.0.0.1:1", "example.com:1"} {
		if loopbackOnly(bad) == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

func TestKubeconfigAndTLSEndToEnd(t *testing.T) {
	up := upstream(t)
	dir := t.TempDir()
	ca := filepath.Join(dir, "ca.crt")
	certPEM := pemOf(t, up.Certificate().Raw)
	if err := os.WriteFile(ca, certPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	kc := filepath.Join(dir, "kubeconfig.yaml")
	os.WriteFile(kc, []byte(fmt.Sprintf(`apiVersion: v1
clusters:
- cluster:
    certificate-authority: ca.crt
    server: %s
  name: kwok
users:
- name: kwok
  user:
    token: secret
`, up.URL)), 0o600)
	u, err := ReadKubeconfig(kc)
	if err != nil || u.Server != up.URL || u.Token != "secret" || len(u.CA) == 0 {
		t.Fatalf("kubeconfig: %+v %v", u, err)
	}
	transport, err := u.Transport()
	if err != nil {
		t.Fatal(err)
	}
	target, _ := url.Parse(u.Server)
	p, _ := NewProxy(target, transport, Settings{}, 1)
	cert, caPEM, err := SelfSigned()
	if err != nil {
		t.Fatal(err)
	}
	front := httptest.NewUnstartedServer(p)
	front.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	front.StartTLS()
	defer front.Close()
	client := clientTrusting(t, caPEM)
	resp, err := client.Get(front.URL + "/version")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("through TLS: %d", resp.StatusCode)
	}
	if !strings.Contains(ClientKubeconfig(front.URL, caPEM), "certificate-authority-data: ") {
		t.Fatal("client kubeconfig without CA")
	}
}
