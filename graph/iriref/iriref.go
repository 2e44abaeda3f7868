// Package iriref checks and repairs IRIs by the grammar of RFC 3987, the
// common ground of what Jena riot, Oxigraph and rapper accept between
// angle brackets. The graph builder repairs the IRIs records bring (URLs,
// registry links) with Repair, and the writers refuse with Check anything
// that slipped past, so that no output holds an IRI one of those tools
// would reject.
package iriref

import (
	"fmt"
	"net/netip"
	"strings"
	"unicode/utf8"
)

// Error says why a string is not an IRI.
type Error struct {
	IRI    string
	Reason string
}

func (e *Error) Error() string { return fmt.Sprintf("invalid IRI %q: %s", e.IRI, e.Reason) }

// Check accepts an absolute IRI (RFC 3987 "IRI": scheme, optional
// authority, path, query, fragment) written without escapes. It scans
// bytes once: the writers call it on every term they have not seen.
func Check(s string) error {
	rest, ok := cutScheme(s)
	if !ok {
		if s == "" {
			return &Error{s, "empty"}
		}
		return &Error{s, "not absolute (no scheme)"}
	}
	body, frag, hasFrag := strings.Cut(rest, "#")
	if hasFrag && strings.IndexByte(frag, '#') >= 0 {
		return &Error{s, "more than one '#'"}
	}
	hostEnd := 0 // brackets are allowed before this offset: an IPv6 host
	if auth, ok := strings.CutPrefix(body, "//"); ok {
		end := strings.IndexAny(auth, "/?")
		if end < 0 {
			end = len(auth)
		}
		if reason := checkAuthority(auth[:end]); reason != "" {
			return &Error{s, reason}
		}
		hostEnd = len(s) - len(rest) + 2 + end
	}
	query := false
	for i := len(s) - len(rest); i < len(s); {
		c := s[i]
		if c == '?' {
			query = true
		}
		if c == '#' {
			query = false
		}
		if c < utf8.RuneSelf {
			switch {
			case c == '%':
				if !(i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])) {
					return &Error{s, fmt.Sprintf("'%%' at byte %d does not start a percent-encoding", i)}
				}
			case c <= ' ' || c == 0x7f:
				return &Error{s, fmt.Sprintf("control or space character %U at byte %d", c, i)}
			case !asciiAllowed(c) && !(i < hostEnd && (c == '[' || c == ']')):
				return &Error{s, fmt.Sprintf("character %q at byte %d is not allowed", c, i)}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return &Error{s, fmt.Sprintf("not valid UTF-8 at byte %d", i)}
		}
		if !ucschar(r) && !(query && iprivate(r)) {
			return &Error{s, fmt.Sprintf("character %U at byte %d is not allowed in an IRI", r, i)}
		}
		i += size
	}
	return nil
}

// Repair returns s made into an IRI by the rules RFC 3987 gives for
// mapping characters to URIs: a character an IRI may not hold (a space, a
// control or non-character, a '%' that starts no escape, a second '#')
// is percent-encoded, and escapes are written in upper case. It reports
// false when no encoding can make s an IRI: no scheme, or an authority
// (host, port) that is broken. The result of a true repair passes Check.
func Repair(s string) (string, bool) {
	s = strings.TrimSpace(s)
	rest, ok := cutScheme(s)
	if !ok {
		return "", false
	}
	var b strings.Builder
	b.WriteString(s[:len(s)-len(rest)])
	if auth, ok := strings.CutPrefix(rest, "//"); ok {
		end := strings.IndexAny(auth, "/?#")
		if end < 0 {
			end = len(auth)
		}
		if checkAuthority(auth[:end]) != "" {
			return "", false
		}
		b.WriteString("//")
		b.WriteString(auth[:end])
		rest = auth[end:]
	}
	query, frag := false, false
	for i := 0; i < len(rest); {
		c := rest[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(rest[i:])
			if (r == utf8.RuneError && size == 1) || !(ucschar(r) || (query && !frag && iprivate(r))) {
				for _, x := range []byte(rest[i : i+size]) {
					fmt.Fprintf(&b, "%%%02X", x)
				}
			} else {
				b.WriteString(rest[i : i+size])
			}
			i += size
			continue
		}
		switch {
		case c == '%' && i+2 < len(rest) && isHex(rest[i+1]) && isHex(rest[i+2]):
			b.WriteByte('%')
			b.WriteString(strings.ToUpper(rest[i+1 : i+3]))
			i += 3
			continue
		case c == '#' && !frag:
			frag = true
			b.WriteByte(c)
		case c == '?' && !frag:
			query = true
			b.WriteByte(c)
		case c == '%' || c == '#' || c <= ' ' || c == 0x7f || !asciiAllowed(c) || c == '[' || c == ']':
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
		i++
	}
	out := b.String()
	if Check(out) != nil {
		return "", false
	}
	return out, true
}

// cutScheme returns what follows "scheme:" in s.
func cutScheme(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return s[i+1:], true
		default:
			return "", false
		}
	}
	return "", false
}

// checkAuthority checks [userinfo "@"] host [":" port], returning why it
// is not one, or "".
func checkAuthority(a string) string {
	if i := strings.LastIndexByte(a, '@'); i >= 0 {
		if strings.ContainsAny(a[:i], "[]@") {
			return "user information holds '[', ']' or '@'"
		}
		a = a[i+1:]
	}
	host, port := a, ""
	if strings.HasPrefix(a, "[") {
		end := strings.IndexByte(a, ']')
		if end < 0 {
			return "IPv6 host without its closing ']'"
		}
		host, port = a[:end+1], a[end+1:]
		if !validIPLiteral(host[1:end]) {
			return fmt.Sprintf("host %s is not an IPv6 address", host)
		}
		if port != "" && port[0] != ':' {
			return fmt.Sprintf("%q after the IPv6 host", port)
		}
	} else if i := strings.IndexByte(a, ':'); i >= 0 {
		host, port = a[:i], a[i:]
	}
	if port != "" {
		for _, c := range []byte(port[1:]) {
			if c < '0' || c > '9' {
				return fmt.Sprintf("port %q is not a number", port[1:])
			}
		}
	}
	if strings.HasPrefix(host, "[") {
		return ""
	}
	for i := 0; i < len(host); i++ {
		if c := host[i]; c < utf8.RuneSelf && (c <= ' ' || c == 0x7f || !asciiAllowed(c) || strings.IndexByte("[]/?#@:", c) >= 0) {
			return fmt.Sprintf("host %q holds %q", host, c)
		}
	}
	return ""
}

// validIPLiteral accepts what goes between the brackets of a host: an
// IPv6 address (without a zone) or an IPvFuture "v1.x".
func validIPLiteral(s string) bool {
	if len(s) > 1 && (s[0] == 'v' || s[0] == 'V') {
		ver, rest, ok := strings.Cut(s[1:], ".")
		if !ok || ver == "" || rest == "" {
			return false
		}
		for _, c := range []byte(ver) {
			if !isHex(c) {
				return false
			}
		}
		for _, c := range []byte(rest) {
			if !(unreservedASCII(c) || strings.IndexByte("!$&'()*+,;=:", c) >= 0) {
				return false
			}
		}
		return true
	}
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is6() && a.Zone() == ""
}

// asciiAllowed reports whether c may appear as itself in an IRI outside
// the host: unreserved, sub-delims, gen-delims other than brackets.
func asciiAllowed(c byte) bool {
	return unreservedASCII(c) || strings.IndexByte("!$&'()*+,;=:/?#@%", c) >= 0
}

func unreservedASCII(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0
}

// ucschar is RFC 3987's range of characters an IRI may hold unencoded:
// no controls, surrogates, private use or non-characters.
func ucschar(r rune) bool {
	switch {
	case r == 0x200E || r == 0x200F || r >= 0x202A && r <= 0x202E:
		return false // bidirectional formatting, which RFC 3987 §4.1 forbids
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFEF:
		return true
	case r >= 0x10000 && r <= 0xEFFFD:
		return r&0xFFFF <= 0xFFFD && !(r >= 0xE0000 && r < 0xE1000)
	}
	return false
}

// iprivate is the private-use range RFC 3987 allows in a query only.
func iprivate(r rune) bool {
	return r >= 0xE000 && r <= 0xF8FF || r >= 0xF0000 && r <= 0xFFFFD || r >= 0x100000 && r <= 0x10FFFD
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
