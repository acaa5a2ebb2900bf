//go:build !wasm

package e2e

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"embudo.app/app/numfmt"
	apptext "embudo.app/app/text"
	"embudo.app/funnel"
)

// intlSample is a number as the wasm hands it to Intl (an exact decimal
// string) and as the server's table takes it (fixed point), with the
// formatter that shows it.
type intlSample struct {
	Decimal string `json:"d"`
	Kind    string `json:"k"` // fixed, upto, money; grouped and gmoney for Grouped()
	Scale   int    `json:"s"`
	units   int64
}

// intlSamples: counts, one and two decimals, up to two, money with cents
// (halves and just-below-halves, which CLP and COP round away), at 10^14
// and past 2^53 cents, and the same from a Formatter's Grouped().
var intlSamples = []intlSample{
	{"3200", "fixed", 0, 3200}, {"1234567", "fixed", 0, 1234567}, {"16.7", "fixed", 1, 167},
	{"-3200.5", "fixed", 1, -32005}, {"2.08", "fixed", 2, 208},
	{"4", "upto", 2, 400}, {"4.25", "upto", 2, 425}, {"12345.6", "upto", 1, 123456},
	{"100000", "money", 2, 10_000_000}, {"1234.50", "money", 2, 123_450}, {"0.50", "money", 2, 50},
	{"0.49", "money", 2, 49}, {"2.50", "money", 2, 250}, {"1234.49", "money", 2, 123_449},
	{"987654321.50", "money", 2, 98_765_432_150},
	{"100000000000000", "money", 2, 10_000_000_000_000_000},
	{"90071992547409.93", "money", 2, 9_007_199_254_740_993},
	{"705114854929600.09", "money", 2, 70_511_485_492_960_009},
	{"3200", "grouped", 0, 3200}, {"8976.6", "grouped", 1, 89766}, {"-3200.5", "grouped", 1, -32005},
	{"999.5", "grouped", 1, 9995}, {"1234.50", "gmoney", 2, 123_450}, {"3200", "gmoney", 2, 320_000},
}

// TestTableMatchesBrowserIntl checks the format table against the browser's
// own Intl.NumberFormat, live, for every locale of the table with every
// currency funnel offers.
func TestTableMatchesBrowserIntl(t *testing.T) {
	needBrowser(t)
	ctx := open(t, "/?lang=en")
	for _, loc := range numfmt.Locales() {
		for _, cur := range funnel.Currencies {
			compareIntl(t, ctx, loc, cur, numfmt.Table(loc, cur))
		}
	}
}

// TestLanguagesMatchBrowserIntl checks what a reader sees: every language
// the app speaks with every currency, in the locale numfmt.Locale picks
// for the pair (as the UI's formatFor does), which must be one of the
// language's own that Intl has (no fallback to another locale).
func TestLanguagesMatchBrowserIntl(t *testing.T) {
	needBrowser(t)
	ctx := open(t, "/?lang=en")
	for _, lang := range apptext.Languages() {
		for _, cur := range funnel.Currencies {
			loc := numfmt.Locale(lang.Code, lang.Locale, cur)
			if !strings.HasPrefix(loc, lang.Code+"-") {
				t.Errorf("%s with %s reads in %s, another language's locale", lang.Code, cur, loc)
			}
			resolved := eval[string](t, ctx, `new Intl.NumberFormat(`+jsString(loc)+`).resolvedOptions().locale`)
			if resolved != loc {
				t.Errorf("%s with %s: Intl resolves %s to %s", lang.Code, cur, loc, resolved)
			}
			compareIntl(t, ctx, loc, cur, numfmt.Table(loc, cur))
		}
	}
	// The cases that were wrong: pesos without cents, reais in Spanish.
	want := []struct{ lang, cur, money string }{
		{"es", "CLP", "$1.235"}, {"es", "COP", "$\u00a01.235"}, {"en", "CLP", "CLP\u00a01,235"},
		{"en", "COP", "COP\u00a01,235"}, {"pt", "COP", "COP\u00a01.235"}, {"es", "BRL", "BRL\u00a01.234,50"},
	}
	for _, w := range want {
		loc := numfmt.Locale(w.lang, apptext.Of(w.lang).Locale, w.cur)
		if got := numfmt.Table(loc, w.cur).Money(123_450); got != w.money {
			t.Errorf("%s with %s: 1234.50 is %q, want %q", w.lang, w.cur, got, w.money)
		}
	}
}

// compareIntl formats the samples with f and with Intl in loc and cur.
func compareIntl(t *testing.T, ctx context.Context, loc, cur string, f numfmt.Formatter) {
	t.Helper()
	list, _ := json.Marshal(intlSamples)
	// What the table stands for: exactly s decimals (fixed), up to s
	// (upto), money in the currency's own digits with decimals only when
	// an amount has them, and the same grouped always. COP is pinned to
	// whole pesos, as prices there are quoted (Chromium 156's Intl agrees).
	got := eval[[]string](t, ctx, `(() => {
		const loc = `+jsString(loc)+`, cur = `+jsString(cur)+`;
		const digits = cur === 'COP' ? {minimumFractionDigits: 0, maximumFractionDigits: 0} : {};
		const money = (useGrouping) => ({style: 'currency', currency: cur,
			trailingZeroDisplay: 'stripIfInteger', useGrouping, ...digits});
		const options = {
			fixed: (s) => ({minimumFractionDigits: s, maximumFractionDigits: s}),
			upto: (s) => ({maximumFractionDigits: s}),
			money: () => money('auto'),
			grouped: (s) => ({minimumFractionDigits: s, maximumFractionDigits: s, useGrouping: 'always'}),
			gmoney: () => money('always'),
		};
		return `+string(list)+`.map(({d, k, s}) => new Intl.NumberFormat(loc, options[k](s)).format(d));
	})()`)
	if len(got) != len(intlSamples) {
		t.Fatalf("%s %s: Intl gave %d strings for %d samples", loc, cur, len(got), len(intlSamples))
	}
	g := f.Grouped()
	for i, s := range intlSamples {
		var want string
		switch s.Kind {
		case "fixed":
			want = f.Fixed(s.units, s.Scale)
		case "upto":
			want = f.Upto(s.units, s.Scale)
		case "money":
			want = f.Money(funnel.Money(s.units))
		case "grouped":
			want = g.Fixed(s.units, s.Scale)
		case "gmoney":
			want = g.Money(funnel.Money(s.units))
		}
		if got[i] != want {
			t.Errorf("%s %s %s %s: table %q, Intl %q", loc, cur, s.Kind, s.Decimal, want, got[i])
		}
	}
}
