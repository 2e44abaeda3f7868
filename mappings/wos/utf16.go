package wos

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// decoded returns r as UTF-8 without a byte-order mark: the Windows
// tab-delimited export is UTF-16LE with a BOM, the other exports UTF-8
// with or without one.
func decoded(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	bom, err := br.Peek(3)
	if err != nil && err != io.EOF {
		return nil, err
	}
	switch {
	case bytes.HasPrefix(bom, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		return br, nil
	case bytes.HasPrefix(bom, []byte{0xFF, 0xFE}):
		br.Discard(2)
		return &utf16Reader{r: br}, nil
	case bytes.HasPrefix(bom, []byte{0xFE, 0xFF}):
		br.Discard(2)
		return &utf16Reader{r: br, bigEndian: true}, nil
	}
	return br, nil
}

// utf16Reader turns UTF-16 into UTF-8 as it is read. An unpaired
// surrogate or a trailing odd byte becomes U+FFFD.
type utf16Reader struct {
	r         *bufio.Reader
	bigEndian bool
	out       []byte // decoded bytes not yet returned
	eof       bool
}

func (u *utf16Reader) unit() (uint16, bool, error) {
	var b [2]byte
	n, err := io.ReadFull(u.r, b[:])
	switch {
	case n == 1:
		return 0, true, nil // odd byte at the end
	case err != nil:
		return 0, false, err
	case u.bigEndian:
		return uint16(b[0])<<8 | uint16(b[1]), false, nil
	}
	return uint16(b[1])<<8 | uint16(b[0]), false, nil
}

func (u *utf16Reader) Read(p []byte) (int, error) {
	for len(u.out) < len(p) && !u.eof {
		c, odd, err := u.unit()
		if err == io.EOF {
			u.eof = true
			break
		}
		if err != nil {
			return 0, err
		}
		r := rune(c)
		switch {
		case odd:
			r, u.eof = utf8.RuneError, true
		case utf16.IsSurrogate(r):
			next, odd, err := u.unit()
			if err != nil && err != io.EOF {
				return 0, err
			}
			if r = utf16.DecodeRune(r, rune(next)); r == utf8.RuneError && !odd && err == nil {
				// Not a pair: keep the second unit for its own turn.
				u.out = utf8.AppendRune(u.out, utf8.RuneError)
				r = rune(next)
			}
		}
		u.out = utf8.AppendRune(u.out, r)
	}
	if len(u.out) == 0 && u.eof {
		return 0, io.EOF
	}
	n := copy(p, u.out)
	u.out = u.out[n:]
	return n, nil
}
