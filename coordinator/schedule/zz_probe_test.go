package schedule_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/triggerx-network/triggerx/coordinator/schedule"
)

func TestZZProbe(t *testing.T) {
	for _, z := range []string{"UTC", "America/New_York", "Pacific/Apia", "Europe/London"} {
		loc, _ := time.LoadLocation(z)
		for _, e := range []string{"* * * */28 2 MON", "0 0 */28 2 MON", "0 0 0 29 2 *", "* * 1 * * *", "* * * * * *", "0 0 31 12 *"} {
			c, err := schedule.ParseCron(e, loc)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range []time.Time{time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 1, 6, 30, 0, 0, time.UTC), time.Date(9990, 1, 1, 0, 0, 0, 0, time.UTC), {}} {
				st := time.Now()
				n, ok := c.Next(a)
				if d := time.Since(st); d > 20*time.Microsecond {
					fmt.Println(z, e, a, n, ok, d)
				}
			}
		}
	}
}
