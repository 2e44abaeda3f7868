package labelledpage

import (
	"os"
	"testing"
)

func TestDbgDevset3(t *testing.T) {
	for _, id := range []string{"hu2013-msc-safety-hta-cnsteyr", "bussel2018-fostamatinib-fit-utas"} {
		data, _ := os.ReadFile("../../testdata/gold/unseen/" + id + ".txt")
		rec, err := labelledPageFields(data)
		t.Logf("%v title %q authors %d %v journal %+v issued %v guessed %v", err, rec.Title, len(rec.Authors), rec.Authors, rec.Journal, rec.Issued, rec.Guessed)
	}
}
