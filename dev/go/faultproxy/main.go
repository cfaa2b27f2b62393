// Command faultproxy sits between a Kubernetes client (the operator) and kube-apiserver on the
// loopback interface and injects faults: for a configurable share of requests it answers
// itself with 409 Conflict (writes only), 429 TooManyRequests (with Retry-After), 500
// InternalError or 503 ServiceUnavailable, as kube-apiserver would (a v1 Status body), and it
// delays requests by a fixed latency plus a random jitter. `make chaos` runs the operator's
// churn through it.
//
// TLS: the proxy terminates TLS with a self-signed certificate it makes at start-up (for
// 127.0.0.1 and localhost) and re-originates every request to the real API server with the
// upstream kubeconfig's credentials (client certificate or bearer token) and CA. The client's
// User-Agent is passed on, so the API server's audit log still names the client. -kubeconfig-out
// writes a kubeconfig for clients of the proxy: its server and CA, no credentials (the proxy
// adds them), which fabric8 accepts as is.
//
// Watches (GET ...?watch=true) are long-running: a fault or the latency applies only to the
// initial request; once forwarded, the stream is copied through unbuffered until either side
// closes it.
//
// Control, on the same listener: GET /_faultproxy/stats (JSON counters), and
// POST /_faultproxy/config?errorRate=0.05&latency=20ms&jitter=30ms to change the settings while
// running (a phase of the harness turns faults on and off).
package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"log"
	"math/big"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Settings are what a fault looks like; they can change while the proxy runs.
type Settings struct {
	ErrorRate  float64       `json:"errorRate"`  // share of requests answered with an error, 0..1
	Codes      []int         `json:"codes"`      // statuses to pick from (409 only for writes)
	RetryAfter int           `json:"retryAfter"` // seconds, in the Retry-After of a 429
	Latency    time.Duration `json:"latency"`    // added to every request (a watch: its start)
	Jitter     time.Duration `json:"jitter"`     // plus a uniform random share of this
	Exclude    string        `json:"exclude"`    // requests whose path matches pass untouched
}

// Stats count what the proxy did.
type Stats struct {
	Requests  int64            `json:"requests"`
	Watches   int64            `json:"watches"`
	Injected  map[string]int64 `json:"injected"` // by status code
	Forwarded int64            `json:"forwarded"`
	Excluded  int64            `json:"excluded"`
}

// Proxy is the fault-injecting reverse proxy.
type Proxy struct {
	mu       sync.Mutex
	settings Settings
	exclude  *regexp.Regexp
	rnd      *mrand.Rand
	stats    Stats
	forward  http.Handler
	sleep    func(time.Duration)
}

// NewProxy forwards to upstream through transport.
func NewProxy(upstream *url.URL, transport http.RoundTripper, s Settings, seed uint64) (*Proxy, error) {
	rp := httputil.NewSingleHostReverseProxy(upstream)
	rp.Transport = transport
	rp.FlushInterval = -1 // watches: flush every write
	rp.ErrorHandler = func(w http.ResponseWriter, r *http.Request, err error) {
		// The API server is down (an outage phase): what a client sees is a failed connection.
		// Closing the client's connection shows it that, rather than a made-up HTTP status.
		if hj, ok := w.(http.Hijacker); ok {
			if c, _, herr := hj.Hijack(); herr == nil {
				c.Close()
				return
			}
		}
		w.WriteHeader(http.StatusBadGateway)
	}
	p := &Proxy{
		rnd:     mrand.New(mrand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		forward: rp,
		sleep:   time.Sleep,
		stats:   Stats{Injected: map[string]int64{}},
	}
	if err := p.Apply(s); err != nil {
		return nil, err
	}
	return p, nil
}

// Apply replaces the settings.
func (p *Proxy) Apply(s Settings) error {
	if s.ErrorRate < 0 || s.ErrorRate > 1 {
		return fmt.Errorf("errorRate %v is not in [0, 1]", s.ErrorRate)
	}
	for _, c := range s.Codes {
		if c != 409 && c != 429 && c != 500 && c != 503 {
			return fmt.Errorf("code %d: only 409, 429, 500 and 503 are injected", c)
		}
	}
	var re *regexp.Regexp
	if s.Exclude != "" {
		var err error
		if re, err = regexp.Compile(s.Exclude); err != nil {
			return fmt.Errorf("exclude: %w", err)
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settings = s
	p.exclude = re
	return nil
}

// Snapshot returns the settings and a copy of the counters.
func (p *Proxy) Snapshot() (Settings, Stats) {
	p.mu.Lock()
	defer p.mu.Unlock()
	st := p.stats
	st.Injected = map[string]int64{}
	for k, v := range p.stats.Injected {
		st.Injected[k] = v
	}
	return p.settings, st
}

func isWatch(r *http.Request) bool {
	w := r.URL.Query().Get("watch")
	return w == "true" || w == "1"
}

func isWrite(r *http.Request) bool {
	switch r.Method {
	case http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete:
		return true
	}
	return false
}

// decide picks the delay and the injected status (0: forward) for one request.
func (p *Proxy) decide(r *http.Request) (time.Duration, int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stats.Requests++
	if isWatch(r) {
		p.stats.Watches++
	}
	if p.exclude != nil && p.exclude.MatchString(r.URL.Path) {
		p.stats.Excluded++
		p.stats.Forwarded++
		return 0, 0
	}
	delay := p.settings.Latency
	if p.settings.Jitter > 0 {
		delay += time.Duration(p.rnd.Int64N(int64(p.settings.Jitter)))
	}
	code := 0
	if p.settings.ErrorRate > 0 && p.rnd.Float64() < p.settings.ErrorRate {
		var candidates []int
		for _, c := range p.settings.Codes {
			if c != http.StatusConflict || isWrite(r) {
				candidates = append(candidates, c)
			}
		}
		if len(candidates) > 0 {
			code = candidates[p.rnd.IntN(len(candidates))]
		}
	}
	if code == 0 {
		p.stats.Forwarded++
	} else {
		p.stats.Injected[strconv.Itoa(code)]++
	}
	return delay, code
}

func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/_faultproxy/") {
		p.control(w, r)
		return
	}
	delay, code := p.decide(r)
	if delay > 0 {
		p.sleep(delay)
	}
	if code != 0 {
		p.mu.Lock()
		retryAfter := p.settings.RetryAfter
		p.mu.Unlock()
		writeStatus(w, code, retryAfter)
		return
	}
	p.forward.ServeHTTP(w, r)
}

// writeStatus answers as kube-apiserver does: a metav1.Status with reason and code.
func writeStatus(w http.ResponseWriter, code, retryAfter int) {
	reasons := map[int][2]string{
		409: {"Conflict", "Operation cannot be fulfilled: the object has been modified; please apply your changes to the latest version and try again (injected by faultproxy)"},
		429: {"TooManyRequests", "the server has received too many requests and has asked us to try again later (injected by faultproxy)"},
		500: {"InternalError", "Internal error occurred: injected by faultproxy"},
		503: {"ServiceUnavailable", "the server is currently unable to handle the request (injected by faultproxy)"},
	}
	status := map[string]any{
		"kind": "Status", "apiVersion": "v1", "metadata": map[string]any{},
		"status": "Failure", "message": reasons[code][1], "reason": reasons[code][0], "code": code,
	}
	if code == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
		status["details"] = map[string]any{"retryAfterSeconds": retryAfter}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(status)
}

func (p *Proxy) control(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/_faultproxy/stats":
		s, st := p.Snapshot()
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"settings": s, "stats": st})
	case "/_faultproxy/config":
		if r.Method != http.MethodPost && r.Method != http.MethodPut {
			http.Error(w, "POST or PUT", http.StatusMethodNotAllowed)
			return
		}
		s, _ := p.Snapshot()
		if err := s.parseQuery(r.URL.Query()); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if err := p.Apply(s); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	default:
		http.NotFound(w, r)
	}
}

// parseQuery overrides the settings named in q.
func (s *Settings) parseQuery(q url.Values) error {
	var err error
	if v := q.Get("errorRate"); v != "" {
		if s.ErrorRate, err = strconv.ParseFloat(v, 64); err != nil {
			return err
		}
	}
	if v := q.Get("codes"); v != "" {
		if s.Codes, err = parseCodes(v); err != nil {
			return err
		}
	}
	if v := q.Get("retryAfter"); v != "" {
		if s.RetryAfter, err = strconv.Atoi(v); err != nil {
			return err
		}
	}
	if v := q.Get("latency"); v != "" {
		if s.Latency, err = time.ParseDuration(v); err != nil {
			return err
		}
	}
	if v := q.Get("jitter"); v != "" {
		if s.Jitter, err = time.ParseDuration(v); err != nil {
			return err
		}
	}
	if q.Has("exclude") {
		s.Exclude = q.Get("exclude")
	}
	return nil
}

func parseCodes(v string) ([]int, error) {
	var codes []int
	for _, f := range strings.Split(v, ",") {
		c, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return nil, fmt.Errorf("codes: %w", err)
		}
		codes = append(codes, c)
	}
	return codes, nil
}

// Upstream is what the proxy needs of a kubeconfig: the server and credentials.
type Upstream struct {
	Server                    string
	CA, ClientCert, ClientKey []byte
	Token                     string
	InsecureSkipTLSVerify     bool
}

// ReadKubeconfig reads the first cluster and user of a kubeconfig of the simple form kwokctl
// and kubeadm write (one cluster, one user). It is a line reader, not a YAML parser: enough for
// the local control plane, with no dependency.
func ReadKubeconfig(path string) (Upstream, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return Upstream{}, err
	}
	dir := filepath.Dir(path)
	var u Upstream
	file := func(v string) ([]byte, error) {
		if !filepath.IsAbs(v) {
			v = filepath.Join(dir, v)
		}
		return os.ReadFile(v)
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(string(raw), "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), ":")
		if !ok {
			continue
		}
		k = strings.TrimPrefix(strings.TrimSpace(k), "- ")
		v = strings.Trim(strings.TrimSpace(v), `"'`)
		if v == "" || seen[k] {
			continue
		}
		seen[k] = true
		switch k {
		case "server":
			u.Server = v
		case "certificate-authority":
			u.CA, err = file(v)
		case "certificate-authority-data":
			u.CA, err = base64.StdEncoding.DecodeString(v)
		case "client-certificate":
			u.ClientCert, err = file(v)
		case "client-certificate-data":
			u.ClientCert, err = base64.StdEncoding.DecodeString(v)
		case "client-key":
			u.ClientKey, err = file(v)
		case "client-key-data":
			u.ClientKey, err = base64.StdEncoding.DecodeString(v)
		case "token":
			u.Token = v
		case "insecure-skip-tls-verify":
			u.InsecureSkipTLSVerify = v == "true"
		}
		if err != nil {
			return Upstream{}, fmt.Errorf("%s: %s: %w", path, k, err)
		}
	}
	if u.Server == "" {
		return Upstream{}, fmt.Errorf("%s: no server", path)
	}
	return u, nil
}

// Transport is an HTTP transport to the upstream API server with its credentials.
func (u Upstream) Transport() (http.RoundTripper, error) {
	cfg := &tls.Config{InsecureSkipVerify: u.InsecureSkipTLSVerify} //nolint:gosec // as the kubeconfig says
	if len(u.CA) > 0 {
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(u.CA) {
			return nil, errors.New("upstream CA: no PEM certificate")
		}
		cfg.RootCAs = pool
	}
	if len(u.ClientCert) > 0 {
		pair, err := tls.X509KeyPair(u.ClientCert, u.ClientKey)
		if err != nil {
			return nil, fmt.Errorf("upstream client certificate: %w", err)
		}
		cfg.Certificates = []tls.Certificate{pair}
	}
	t := &http.Transport{
		TLSClientConfig:     cfg,
		ForceAttemptHTTP2:   true,
		MaxIdleConnsPerHost: 64,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout: 5 * time.Second,
	}
	if u.Token == "" {
		return t, nil
	}
	return bearer{token: u.Token, next: t}, nil
}

type bearer struct {
	token string
	next  http.RoundTripper
}

func (b bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+b.token)
	return b.next.RoundTrip(r)
}

// SelfSigned makes the proxy's serving certificate (ECDSA P-256, 127.0.0.1 and localhost).
func SelfSigned() (tls.Certificate, []byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(time.Now().UnixNano()),
		Subject:               pkix.Name{CommonName: "faultproxy"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(7 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		DNSNames:              []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	pair, err := tls.X509KeyPair(certPEM, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}))
	return pair, certPEM, err
}

// ClientKubeconfig is a kubeconfig for clients of the proxy: its address and CA, no user
// credentials (the proxy adds the upstream's).
func ClientKubeconfig(server string, caPEM []byte) string {
	return fmt.Sprintf(`apiVersion: v1
kind: Config
clusters:
- name: faultproxy
  cluster:
    server: %s
    certificate-authority-data: %s
users:
- name: faultproxy
  user: {}
contexts:
- name: faultproxy
  context:
    cluster: faultproxy
    user: faultproxy
current-context: faultproxy
`, server, base64.StdEncoding.EncodeToString(caPEM))
}

// loopbackOnly refuses to listen anywhere but the loopback interface.
func loopbackOnly(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("listen address %q: only a loopback address (127.0.0.1, ::1, localhost)", addr)
	}
	return nil
}

func main() {
	var (
		listen     = flag.String("listen", "127.0.0.1:0", "loopback address to listen on")
		kubeconfig = flag.String("kubeconfig", os.Getenv("KUBECONFIG"), "kubeconfig of the real API server")
		out        = flag.String("kubeconfig-out", "", "write a kubeconfig for the proxy's clients here")
		rate       = flag.Float64("error-rate", 0, "share of requests answered with an injected error (0..1)")
		codes      = flag.String("codes", "409,429,500,503", "statuses to inject (409 only on writes)")
		retryAfter = flag.Int("retry-after", 1, "Retry-After seconds of an injected 429")
		latency    = flag.Duration("latency", 0, "latency added to every request (a watch: its start)")
		jitter     = flag.Duration("jitter", 0, "plus a uniform random latency up to this")
		exclude    = flag.String("exclude", "", "regexp: requests whose path matches pass untouched")
		seed       = flag.Uint64("seed", uint64(time.Now().UnixNano()), "random seed")
	)
	flag.Parse()
	if err := loopbackOnly(*listen); err != nil {
		log.Fatal(err)
	}
	up, err := ReadKubeconfig(*kubeconfig)
	if err != nil {
		log.Fatal(err)
	}
	transport, err := up.Transport()
	if err != nil {
		log.Fatal(err)
	}
	target, err := url.Parse(up.Server)
	if err != nil {
		log.Fatal(err)
	}
	cs, err := parseCodes(*codes)
	if err != nil {
		log.Fatal(err)
	}
	p, err := NewProxy(target, transport, Settings{ErrorRate: *rate, Codes: cs, RetryAfter: *retryAfter,
		Latency: *latency, Jitter: *jitter, Exclude: *exclude}, *seed)
	if err != nil {
		log.Fatal(err)
	}
	cert, caPEM, err := SelfSigned()
	if err != nil {
		log.Fatal(err)
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		log.Fatal(err)
	}
	server := "https://" + ln.Addr().String()
	if *out != "" {
		if err := os.WriteFile(*out, []byte(ClientKubeconfig(server, caPEM)), 0o600); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("faultproxy: listening on %s, forwarding to %s\n", server, up.Server)
	srv := &http.Server{Handler: p, TLSConfig: &tls.Config{Certificates: []tls.Certificate{cert}},
		ReadHeaderTimeout: 10 * time.Second}
	log.Fatal(srv.ServeTLS(ln, "", ""))
}
