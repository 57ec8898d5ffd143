package node

import (
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/stretchr/testify/require"
)

func TestMetrics(t *testing.T) {
	var none *metrics
	none.taskPerformed(true, 1) // nil metrics record nothing and do not panic
	none.failure("x")

	reg := prometheus.NewRegistry()
	m, err := newMetrics(reg, "keeper")
	require.NoError(t, err)
	_, err = newMetrics(reg, "keeper")
	require.Error(t, err, "one set of metrics per registry")

	m.taskPerformed(true, 0.5)
	m.voted(false)
	m.failure("calldata_mismatch")
	m.failure("")
	require.Equal(t, 1.0, testutil.ToFloat64(m.performed.WithLabelValues("succeeded")))
	require.Equal(t, 1.0, testutil.ToFloat64(m.votes.WithLabelValues("reject")))
	require.Equal(t, 1.0, testutil.ToFloat64(m.failed.WithLabelValues("calldata_mismatch")))
	require.Equal(t, 1.0, testutil.ToFloat64(m.failed.WithLabelValues("infrastructure")))
	n, err := testutil.GatherAndCount(reg, "triggerx_keeper_failed_reasons_total")
	require.NoError(t, err)
	require.Equal(t, 2, n)
}
