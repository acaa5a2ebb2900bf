//go:build !wasm

package e2e

import (
	"encoding/json"
	"testing"

	"embudo.app/app/numfmt"
	"embudo.app/funnel"
)

// intlSample is a number as the wasm hands it to Intl (an exact decimal
// string) and as the server's table takes it (fixed point), with the
// formatter that shows it.
type intlSample struct {
	Decimal string `json:"d"`
	Kind    string `json:"k"` // fixed, upto or money
	Scale   int    `json:"s"`
	units   int64
}

// TestTableMatchesBrowserIntl checks the format table against the browser's
// own Intl.NumberFormat, live,
// for every locale of the table with every currency funnel offers: counts,
// one and two decimals, up to two, and money with cents, at 10^14 and past
// 2^53 cents.
func TestTableMatchesBrowserIntl(t *testing.T) {
	needBrowser(t)
	ctx := open(t, "/?lang=en")
	samples := []intlSample{
		{"3200", "fixed", 0, 3200}, {"1234567", "fixed", 0, 1234567}, {"16.7", "fixed", 1, 167},
		{"-3200.5", "fixed", 1, -32005}, {"2.08", "fixed", 2, 208},
		{"4", "upto", 2, 400}, {"4.25", "upto", 2, 425}, {"12345.6", "upto", 1, 123456},
		{"100000", "money", 2, 10_000_000}, {"1234.50", "money", 2, 123_450}, {"0.50", "money", 2, 50},
		{"100000000000000", "money", 2, 10_000_000_000_000_000},
		{"90071992547409.93", "money", 2, 9_007_199_254_740_993},
		{"705114854929600.09", "money", 2, 70_511_485_492_960_009},
	}
	list, _ := json.Marshal(samples)
	for _, loc := range numfmt.Locales() {
		for _, cur := range funnel.Currencies {
			// What the table stands for: exactly s decimals (fixed), up to s
			// (upto), and money with cents only when an amount has them.
			got := eval[[]string](t, ctx, `(() => {
				const loc = `+jsString(loc)+`, cur = `+jsString(cur)+`;
				const options = {
					fixed: (s) => ({minimumFractionDigits: s, maximumFractionDigits: s}),
					upto: (s) => ({maximumFractionDigits: s}),
					money: () => ({style: 'currency', currency: cur, minimumFractionDigits: 2,
						maximumFractionDigits: 2, trailingZeroDisplay: 'stripIfInteger'}),
				};
				return `+string(list)+`.map(({d, k, s}) => new Intl.NumberFormat(loc, options[k](s)).format(d));
			})()`)
			f := numfmt.Table(loc, cur)
			for i, s := range samples {
				var want string
				switch s.Kind {
				case "fixed":
					want = f.Fixed(s.units, s.Scale)
				case "upto":
					want = f.Upto(s.units, s.Scale)
				default:
					want = f.Money(funnel.Money(s.units))
				}
				if i >= len(got) || got[i] != want {
					t.Errorf("%s %s %s: table %q, Intl %q", loc, cur, s.Decimal, want, got)
					break
				}
			}
		}
	}
}
