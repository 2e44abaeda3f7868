package evidence

import (
	"os"
	"strings"
	"testing"
)

func TestZZ(t *testing.T) {
	for _, p := range strings.Fields(os.Getenv("ZZ")) {
		b, _ := os.ReadFile(p)
		f := Extract(Input{Abstract: string(b)})
		t.Log(explainText(f))
	}
}
