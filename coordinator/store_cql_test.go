package coordinator_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gocql/gocql"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/triggerx-network/triggerx/coordinator"
)

// TestCQLStore runs the conformance suite against ScyllaDB or Cassandra,
// each subtest in a fresh keyspace dropped at cleanup. Start one with e.g.
//
//	docker run -d -p 9042:9042 scylladb/scylla --smp 1
//	TRIGGERX_TEST_CQL_HOSTS=127.0.0.1:9042 go test ./coordinator/ -run CQL
func TestCQLStore(t *testing.T) {
	hosts := cqlTestHosts(t)
	testStore(t, func(t *testing.T) coordinator.Store {
		s, _ := openCQLTestStore(t, hosts)
		return s
	})
}

// TestCQLStoreReopen checks that opening an existing keyspace applies no
// migration twice and keeps the data.
func TestCQLStoreReopen(t *testing.T) {
	hosts := cqlTestHosts(t)
	ctx := context.Background()
	s, keyspace := openCQLTestStore(t, hosts)
	require.NoError(t, s.CreateJobs(ctx, sampleJob(7, t0)))

	again, err := coordinator.OpenCQLStore(ctx, coordinator.CQLConfig{Hosts: hosts, Keyspace: keyspace, Logger: zaptest.NewLogger(t)})
	require.NoError(t, err)
	defer again.Close()
	got, err := again.Job(ctx, 7)
	require.NoError(t, err)
	require.Equal(t, sampleJob(7, t0), got)
}

func cqlTestHosts(t *testing.T) []string {
	v := os.Getenv("TRIGGERX_TEST_CQL_HOSTS")
	if v == "" {
		t.Skip("set TRIGGERX_TEST_CQL_HOSTS=host:9042 to run the CQL store against ScyllaDB or Cassandra")
	}
	return strings.Split(v, ",")
}

// openCQLTestStore opens a store in a new random keyspace, closed and dropped
// at cleanup.
func openCQLTestStore(t *testing.T, hosts []string) (*coordinator.CQLStore, string) {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	keyspace := "triggerx_test_" + hex.EncodeToString(b)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s, err := coordinator.OpenCQLStore(ctx, coordinator.CQLConfig{
		Hosts:       hosts,
		Keyspace:    keyspace,
		Consistency: "ONE",
		Logger:      zaptest.NewLogger(t),
	})
	require.NoError(t, err)
	t.Cleanup(func() {
		require.NoError(t, s.Close())
		cluster := gocql.NewCluster(hosts...)
		cluster.Timeout = time.Minute
		session, err := cluster.CreateSession()
		require.NoError(t, err)
		defer session.Close()
		require.NoError(t, session.Query("DROP KEYSPACE IF EXISTS "+keyspace).Exec())
	})
	return s, keyspace
}

func TestCQLMigrations(t *testing.T) {
	migrations, err := coordinator.CQLMigrations()
	require.NoError(t, err)
	require.NotEmpty(t, migrations)

	// Every file in migrations/ is embedded and well named.
	files, err := filepath.Glob(filepath.Join("migrations", "*"))
	require.NoError(t, err)
	require.Len(t, migrations, len(files), "every file in migrations/ must be a NNNN_name.cql migration")

	var names []string
	for i, m := range migrations {
		require.Equal(t, i+1, m.Version, "versions are consecutive from 1")
		require.Equal(t, filepath.Base(files[i]), m.Name)
		names = append(names, m.Name)
		require.NotEmpty(t, m.Statements, m.Name)
		for j, stmt := range m.Statements {
			require.NotEmpty(t, strings.TrimSpace(stmt), "%s statement %d", m.Name, j+1)
			require.NotContains(t, stmt, ";", "%s statement %d", m.Name, j+1)
			// A crash can interrupt a migration: re-running it must work.
			require.Regexp(t, `(?i)\bIF (NOT )?EXISTS\b`, stmt,
				"%s statement %d is not idempotent", m.Name, j+1)
		}
	}
	require.True(t, slices.IsSorted(names))
}

// TestCQLSchemaCoversQueries checks that every table the store's queries
// name is created by a migration, and every migrated table is used.
func TestCQLSchemaCoversQueries(t *testing.T) {
	migrations, err := coordinator.CQLMigrations()
	require.NoError(t, err)
	created := map[string]bool{"schema_migrations": true} // created by OpenCQLStore
	createRe := regexp.MustCompile(`(?i)^CREATE TABLE IF NOT EXISTS (\w+)`)
	for _, m := range migrations {
		for _, stmt := range m.Statements {
			if sub := createRe.FindStringSubmatch(stmt); sub != nil {
				created[sub[1]] = true
			}
		}
	}
	src, err := os.ReadFile("store_cql.go")
	require.NoError(t, err)
	used := map[string]bool{}
	for _, sub := range regexp.MustCompile("(?:FROM|INTO|UPDATE) ([a-z_]+)[ `]").FindAllStringSubmatch(string(src), -1) {
		used[sub[1]] = true
	}
	// deleteStale names its table through a parameter.
	used["due_jobs"], used["processing_tasks"] = true, true
	for table := range used {
		require.True(t, created[table], "table %s is used but not created", table)
	}
	for table := range created {
		require.True(t, used[table], "table %s is created but not used", table)
	}
}

func TestOpenCQLStoreRejectsConfig(t *testing.T) {
	ctx := context.Background()
	for name, cfg := range map[string]coordinator.CQLConfig{
		"no hosts":          {Keyspace: "triggerx"},
		"keyspace injected": {Hosts: []string{"127.0.0.1:1"}, Keyspace: "x; DROP KEYSPACE y"},
		"keyspace empty":    {Hosts: []string{"127.0.0.1:1"}},
		"keyspace too long": {Hosts: []string{"127.0.0.1:1"}, Keyspace: strings.Repeat("k", 49)},
		"consistency":       {Hosts: []string{"127.0.0.1:1"}, Keyspace: "triggerx", Consistency: "MOST"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := coordinator.OpenCQLStore(ctx, cfg)
			require.Error(t, err)
		})
	}
}
