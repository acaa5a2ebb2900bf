//go:build unix

package server

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// closeListener records when the server closes each connection, by the
// client's address.
type closeListener struct {
	net.Listener
	mu     sync.Mutex
	closed map[string]chan time.Time
}

func (l *closeListener) done(addr string) chan time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed[addr] == nil {
		l.closed[addr] = make(chan time.Time, 1)
	}
	return l.closed[addr]
}

func (l *closeListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	// *net.TCPConn kept: the server still sends files with sendfile.
	return &closeConn{TCPConn: c.(*net.TCPConn), done: l.done(c.RemoteAddr().String())}, nil
}

type closeConn struct {
	*net.TCPConn
	once sync.Once
	done chan time.Time
}

func (c *closeConn) Close() error {
	c.once.Do(func() { c.done <- time.Now() })
	return c.TCPConn.Close()
}

// TestLimits serves the app with short limits and checks that an idle
// keep-alive connection, a client trickling its headers, one sending too
// large a header and one that never reads app.wasm are each cut off once
// their limit has passed, while a normal client is served in full
// meanwhile.
func TestLimits(t *testing.T) {
	limits := Limits{
		ReadHeader: 400 * time.Millisecond,
		Read:       600 * time.Millisecond,
		Write:      time.Second,
		Idle:       400 * time.Millisecond,
		HeaderSize: DefaultLimits.HeaderSize,
	}
	tcp, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ln := &closeListener{Listener: tcp, closed: map[string]chan time.Time{}}
	srv := newHTTPServer(mfServer(t), limits)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	addr := tcp.Addr().String()

	dial := func(rcvbuf int) net.Conn {
		t.Helper()
		d := net.Dialer{}
		if rcvbuf > 0 {
			d.Control = func(_, _ string, c syscall.RawConn) error {
				return c.Control(func(fd uintptr) {
					syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, rcvbuf)
				})
			}
		}
		c, err := d.Dial("tcp", addr)
		require.NoError(t, err)
		t.Cleanup(func() { c.Close() })
		return c
	}
	// cutAfter waits for the server to close c, and checks it did not
	// before limit had passed since from.
	cutAfter := func(what string, c net.Conn, from time.Time, limit time.Duration) {
		t.Helper()
		select {
		case at := <-ln.done(c.LocalAddr().String()):
			assert.GreaterOrEqual(t, at.Sub(from), limit, "%s: cut off before its limit", what)
			t.Logf("%s: cut off after %v (limit %v)", what, at.Sub(from).Round(time.Millisecond), limit)
		case <-time.After(limit + 20*time.Second):
			t.Errorf("%s: still open %v after its limit", what, 20*time.Second)
		}
	}
	request := func(path string, header ...string) string {
		return "GET " + path + " HTTP/1.1\r\nHost: " + addr + "\r\n" + strings.Join(header, "") + "\r\n"
	}

	// Idle: one request, then nothing.
	idleFrom := time.Now()
	idle := dial(0)
	_, err = io.WriteString(idle, request("/web/icon.svg"))
	require.NoError(t, err)
	res, err := http.ReadResponse(bufio.NewReader(idle), nil)
	require.NoError(t, err)
	_, err = io.Copy(io.Discard, res.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, res.StatusCode)

	// Slow headers: a byte every 50 ms, never the end of the headers.
	slowFrom := time.Now() // the server counts from its accept
	slow := dial(0)
	go func() {
		io.WriteString(slow, "GET / HTTP/1.1\r\nHost: "+addr+"\r\n")
		for {
			if _, err := slow.Write([]byte("X")); err != nil {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}()

	// Never reads: app.wasm uncompressed (7 MB), more than the socket
	// buffers hold.
	stuckFrom := time.Now()
	stuck := dial(4 << 10)
	_, err = io.WriteString(stuck, request("/web/app.wasm", "Accept-Encoding: identity\r\n"))
	require.NoError(t, err)

	// Meanwhile a normal client gets the page and app.wasm in full.
	client := &http.Client{}
	for _, path := range []string{"/", "/web/app.wasm", "/?goal=200000&lang=es"} {
		res, err := client.Get("http://" + addr + path)
		require.NoError(t, err, path)
		n, err := io.Copy(io.Discard, res.Body)
		res.Body.Close()
		require.NoError(t, err, path)
		assert.Equal(t, http.StatusOK, res.StatusCode, path)
		if res.ContentLength >= 0 {
			assert.Equal(t, res.ContentLength, n, "%s: the whole body", path)
		}
	}

	// Too large a header: 431, a realistic one (a long link, a 4 KB
	// cookie): 200.
	for _, tt := range []struct {
		size int
		code int
	}{{4 << 10, http.StatusOK}, {2 * limits.HeaderSize, http.StatusRequestHeaderFieldsTooLarge}} {
		c := dial(0)
		_, err := io.WriteString(c, request("/?goal=250000&ticket=1500&r1=40&r2=35.5&r3=30&r4=25&r5=20&weeks=46&cap=10&lang=es&cur=MXN",
			"Cookie: c="+strings.Repeat("x", tt.size)+"\r\n"))
		require.NoError(t, err)
		res, err := http.ReadResponse(bufio.NewReader(c), nil)
		require.NoError(t, err, "a header of %d bytes", tt.size)
		res.Body.Close()
		assert.Equal(t, tt.code, res.StatusCode, "a header of %d bytes", tt.size)
	}

	cutAfter("idle keep-alive", idle, idleFrom, limits.Idle)
	cutAfter("trickled headers", slow, slowFrom, limits.ReadHeader)
	cutAfter("unread app.wasm", stuck, stuckFrom, limits.Write)
	// It had been cut short.
	stuck.SetReadDeadline(time.Now().Add(10 * time.Second))
	res, err = http.ReadResponse(bufio.NewReader(stuck), nil)
	require.NoError(t, err)
	n, _ := io.Copy(io.Discard, res.Body)
	assert.Less(t, n, res.ContentLength, "the unread app.wasm was cut short")
}
