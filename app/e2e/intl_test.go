//go:build !wasm

package e2e

import (
	"encoding/json"
	"testing"

	"embudo.app/app/numfmt"
	"embudo.app/funnel"
)

// intlSample is a number as the wasm hands it to Intl (an exact decimal
// string) and as the server's table takes it (fixed point).
type intlSample struct {
	Decimal string `json:"d"`
	Scale   int    `json:"s"` // decimals shown; -1 for money
	units   int64
}

// TestTableMatchesBrowserIntl checks the server's format table against the
// browser's own Intl.NumberFormat, live, for every locale of the table with
// every currency funnel offers: counts, one and two decimals, and money with
// cents, at 10^14 and past 2^53 cents.
func TestTableMatchesBrowserIntl(t *testing.T) {
	needBrowser(t)
	ctx := open(t, "/?lang=en")
	samples := []intlSample{
		{"3200", 0, 3200}, {"1234567", 0, 1234567}, {"16.7", 1, 167}, {"-3200.5", 1, -32005}, {"2.08", 2, 208},
		{"100000", -1, 10_000_000}, {"1234.50", -1, 123_450}, {"0.50", -1, 50},
		{"100000000000000", -1, 10_000_000_000_000_000},
		{"90071992547409.93", -1, 9_007_199_254_740_993},
		{"705114854929600.09", -1, 70_511_485_492_960_009},
	}
	list, _ := json.Marshal(samples)
	for _, loc := range numfmt.Locales() {
		for _, cur := range funnel.Currencies {
			got := eval[[]string](t, ctx, `(() => {
				const loc = `+jsString(loc)+`, cur = `+jsString(cur)+`;
				const money = new Intl.NumberFormat(loc, {style: "currency", currency: cur,
					minimumFractionDigits: 2, maximumFractionDigits: 2, trailingZeroDisplay: "stripIfInteger"});
				const fixed = (s) => new Intl.NumberFormat(loc, {minimumFractionDigits: s, maximumFractionDigits: s});
				return `+string(list)+`.map(({d, s}) => (s < 0 ? money : fixed(s)).format(d));
			})()`)
			f := numfmt.Table(loc, cur)
			for i, s := range samples {
				want := f.Money(funnel.Money(s.units))
				if s.Scale >= 0 {
					want = f.Fixed(s.units, s.Scale)
				}
				if i >= len(got) || got[i] != want {
					t.Errorf("%s %s %s: table %q, Intl %q", loc, cur, s.Decimal, want, got)
					break
				}
			}
		}
	}
}
