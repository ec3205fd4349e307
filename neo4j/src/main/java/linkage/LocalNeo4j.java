package linkage;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import inet.ipaddr.IPAddressString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.util.ReferenceCountUtil;

import org.neo4j.bolt.BoltServer;
import org.neo4j.bolt.protocol.common.connector.Connector;
import org.neo4j.bolt.protocol.common.connector.connection.Connection;
import org.neo4j.bolt.protocol.common.connector.connection.listener.ConnectionListener;
import org.neo4j.bolt.protocol.common.connector.listener.ConnectorListener;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingImpl;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.locker.FileLockException;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.monitoring.DatabaseHealth;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Linkage's local, embedded Neo4j launcher.
 *
 * <p>Starts an embedded DBMS with a loopback-only Bolt connector and prints exactly one line
 * {@code LINKAGE_NEO4J_READY bolt://127.0.0.1:<port>} on stdout once the Bolt port accepts TCP connections.
 *
 * <p>Hardened because loopback is not a trust boundary (any local process and any web page in a local
 * browser can reach 127.0.0.1): authentication is on, and the user {@code neo4j}'s password is the one in
 * the password file ({@code --password-file}, default {@code <data-dir>/linkage-password}, mode 0600,
 * generated when missing and re-applied at every start, which is how it is rotated); {@code LOAD CSV}
 * may read no file and fetch no URL; Bolt over WebSocket (what a browser page would use) is refused.
 * The password is never printed.
 *
 * <p>Exit codes: 0 clean shutdown, 1 unexpected failure, 2 data directory in use by another Neo4j
 * process, 3 data directory not writable / disk full, 4 Bolt port in use, 64 bad arguments.
 *
 * <p>With {@code --exit-on-stdin-eof} the launcher exits (running the shutdown hook, i.e. a clean
 * {@code managementService.shutdown()}) as soon as its stdin reaches EOF. The Node wrapper spawns it with
 * a stdin pipe, so if the Node parent dies for any reason (even SIGKILL) the pipe closes and Java follows.
 */
public final class LocalNeo4j {
    static final String READY = "LINKAGE_NEO4J_READY";
    static final String ERROR = "LINKAGE_NEO4J_ERROR";

    static final int EXIT_FAILURE = 1;
    static final int EXIT_LOCKED = 2;
    static final int EXIT_NOT_WRITABLE = 3;
    static final int EXIT_PORT_IN_USE = 4;
    static final int EXIT_USAGE = 64;

    static final String HOST = "127.0.0.1";

    /** Refuse to start below this much free disk (a fresh store needs a few MiB, logs and tx logs more). */
    static final long MIN_FREE_TO_START = 64L << 20;
    /** While starting, treat less than this as "disk full" (Neo4j would otherwise spin forever). */
    static final long MIN_FREE_DURING_START = 64L << 10;

    private static final String USAGE = String.join("\n",
            "usage: java -cp 'neo4j/classes:neo4j/lib/*' linkage.LocalNeo4j [options]",
            "  --data-dir <path>         Neo4j home/data directory (default ./data/neo4j)",
            "  --bolt-port <n>           Bolt port on 127.0.0.1 (default 7687)",
            "  --pagecache <size>        page cache size, e.g. 512m, 2g (default 512m)",
            "  --tx-timeout <duration>   transaction timeout, e.g. 30s, 2m (default 30s)",
            "  --tx-memory-max <size>    per-transaction memory cap, e.g. 1g (default 1g)",
            "  --password-file <path>    the neo4j user's password (default <data-dir>/linkage-password; created 0600 if missing)",
            "  --exit-on-stdin-eof       exit cleanly when stdin is closed (used by local-neo4j.ts)",
            "  --help                    show this help");

    private LocalNeo4j() {}

    static final class Options {
        Path dataDir = Path.of("data", "neo4j");
        int boltPort = 7687;
        long pageCache;
        Duration txTimeout;
        long txMemoryMax;
        Path passwordFile;
        boolean exitOnStdinEof = false;
    }

    static final String PASSWORD_FILE_NAME = "linkage-password";
    static final String ADMIN_USER = "neo4j";

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        // Keep Neo4j's log4j alive until our shutdown hook has closed the DBMS (otherwise log4j's own hook
        // may stop logging first and the shutdown sequence is missing from debug.log).
        if (System.getProperty("log4j2.shutdownHookEnabled") == null) {
            System.setProperty("log4j2.shutdownHookEnabled", "false");
        }
        Options opts;
        try {
            opts = parse(args);
        } catch (UsageException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(ERROR + " " + e.getMessage());
            }
            System.err.println(USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : EXIT_USAGE);
            return;
        }
        System.exit(run(opts));
    }

    static Options parse(String[] args) throws UsageException {
        Options o = new Options();
        String pageCache = "512m";
        String txTimeout = "30s";
        String txMemoryMax = "1g";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--help":
                case "-h":
                    throw new UsageException("");
                case "--exit-on-stdin-eof":
                    o.exitOnStdinEof = true;
                    continue;
                case "--data-dir":
                case "--bolt-port":
                case "--password-file":
                case "--pagecache":
                case "--tx-timeout":
                case "--tx-memory-max":
                    break;
                default:
                    throw new UsageException("unknown argument: " + a);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("missing value for " + a);
                }
                value = args[++i];
            }
            switch (a) {
                case "--data-dir":
                    if (value.isBlank()) throw new UsageException("--data-dir must not be empty");
                    o.dataDir = Path.of(value);
                    break;
                case "--bolt-port":
                    try {
                        o.boltPort = Integer.parseInt(value.trim());
                    } catch (NumberFormatException e) {
                        throw new UsageException("--bolt-port must be a number, got '" + value + "'");
                    }
                    if (o.boltPort < 1 || o.boltPort > 65535) {
                        throw new UsageException("--bolt-port must be in 1..65535, got " + o.boltPort);
                    }
                    break;
                case "--password-file":
                    if (value.isBlank()) throw new UsageException("--password-file must not be empty");
                    o.passwordFile = Path.of(value);
                    break;
                case "--pagecache":
                    pageCache = value;
                    break;
                case "--tx-timeout":
                    txTimeout = value;
                    break;
                case "--tx-memory-max":
                    txMemoryMax = value;
                    break;
                default:
                    throw new IllegalStateException(a);
            }
        }
        o.pageCache = parseSetting(GraphDatabaseSettings.pagecache_memory, "--pagecache", pageCache);
        o.txTimeout = parseSetting(GraphDatabaseSettings.transaction_timeout, "--tx-timeout", txTimeout);
        o.txMemoryMax = parseSetting(GraphDatabaseSettings.memory_transaction_max_size, "--tx-memory-max", txMemoryMax);
        o.dataDir = o.dataDir.toAbsolutePath().normalize();
        o.passwordFile = (o.passwordFile == null ? o.dataDir.resolve(PASSWORD_FILE_NAME) : o.passwordFile)
                .toAbsolutePath().normalize();
        return o;
    }

    /** Parse a CLI value with the setting's own Neo4j parser, so "512m", "2g", "30s", "2m" all work. */
    private static <T> T parseSetting(org.neo4j.graphdb.config.Setting<T> setting, String flag, String value)
            throws UsageException {
        try {
            return ((SettingImpl<T>) setting).parse(value.trim());
        } catch (RuntimeException e) {
            throw new UsageException(flag + ": invalid value '" + value + "' (" + e.getMessage() + ")");
        }
    }

    static int run(Options o) {
        // 1. Refuse early (and without touching the store) when another process holds the store lock.
        Path storeLock = o.dataDir.resolve("data").resolve("databases").resolve("store_lock");
        if (isLockedByOtherProcess(storeLock)) {
            return lockedError(o.dataDir);
        }
        // 2. The data dir must be creatable and writable (also catches a full disk).
        String writeProblem = checkWritable(o.dataDir);
        if (writeProblem != null) {
            System.err.println(ERROR + " " + writeProblem);
            return EXIT_NOT_WRITABLE;
        }
        // 3. The Bolt port must be free on 127.0.0.1.
        if (!portIsFree(o.boltPort)) {
            return portError(o.boltPort);
        }
        // 4. Only this user may read the store, the logs and the password (0700 data directory).
        String password;
        try {
            restrictToOwner(o.dataDir, true);
            password = readOrCreatePassword(o.passwordFile);
            if (isFirstStart(o.dataDir)) writeInitialUser(o.dataDir, password);
        } catch (IOException | RuntimeException e) {
            System.err.println(ERROR + " cannot prepare the database password in " + o.passwordFile + ": " + e.getMessage());
            return EXIT_NOT_WRITABLE;
        }

        Path logs = o.dataDir.resolve("logs");
        DatabaseManagementService[] holder = new DatabaseManagementService[1];
        Object lock = new Object();
        boolean[] shuttingDown = {false};
        Thread hook = new Thread(() -> {
            synchronized (lock) {
                shuttingDown[0] = true;
                if (holder[0] != null) {
                    try {
                        holder[0].shutdown();
                    } catch (Throwable t) {
                        System.err.println(ERROR + " error during shutdown: " + t);
                    }
                }
            }
        }, "linkage-neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        // Neo4j 5.26 can spin forever flushing pages when the disk fills up *during* startup; watch
        // for that and bail out (exit 3) instead of hanging until the caller's timeout.
        Thread diskWatch = new Thread(() -> {
            int full = 0;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(500);
                    full = usableBytes(o.dataDir) < MIN_FREE_DURING_START ? full + 1 : 0;
                } catch (InterruptedException e) {
                    return;
                }
                if (full >= 4) {
                    System.err.println(ERROR + " disk full while starting Neo4j in " + o.dataDir
                            + "; free some space (the store may need recovery on next start)");
                    System.err.flush();
                    Runtime.getRuntime().halt(EXIT_NOT_WRITABLE);
                }
            }
        }, "linkage-neo4j-disk-watch");
        diskWatch.setDaemon(true);
        diskWatch.start();

        DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(o.dataDir)
                    .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                    .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress(HOST))
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, o.boltPort))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, o.boltPort))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    // Bolt waits 5 s + 5 s for idle pools/connections on shutdown by default; the stores are
                    // already checkpointed and closed by then, so don't make every stop take 10 s.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    // No server-side routing connector (would bind :7688 and clash between instances).
                    .setConfig(GraphDatabaseSettings.routing_enabled, false)
                    // Loopback is not a trust boundary: every connection must log in.
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    // The product never needs LOAD CSV: no file URLs (it could read tokens.json or any file
                    // this user can) and no URL fetches (SSRF against the API and anything on the network).
                    .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                    .setConfig(GraphDatabaseSettings.load_csv_file_url_root, o.dataDir.resolve("no-import"))
                    .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                            List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                    .setConfig(GraphDatabaseSettings.pagecache_memory, o.pageCache)
                    .setConfig(GraphDatabaseSettings.transaction_timeout, o.txTimeout)
                    .setConfig(GraphDatabaseSettings.memory_transaction_max_size, o.txMemoryMax)
                    // "dbms.usage_report.enabled" in 5.26 (the field is still called udc_enabled).
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Don't preallocate 256 MiB per transaction log file (a fresh dev/test store would
                    // take ~520 MiB on disk for the two databases); files just grow as needed.
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.logs_directory, logs)
                    .build();
        } catch (Throwable t) {
            return startFailure(t, o);
        } finally {
            diskWatch.interrupt();
        }
        synchronized (lock) {
            if (shuttingDown[0]) {
                service.shutdown();
                return 0;
            }
            holder[0] = service;
        }

        try {
            refuseWebSockets(service);
            applyPassword(service, password);
        } catch (Throwable t) {
            System.err.println(ERROR + " could not secure the Bolt connector: " + rootMessage(t));
            return EXIT_FAILURE;
        }

        try {
            GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(TimeUnit.MINUTES.toMillis(2))) {
                System.err.println(ERROR + " database '" + db.databaseName() + "' did not become available within 2 minutes; see "
                        + logs.resolve("debug.log"));
                return EXIT_FAILURE;
            }
        } catch (Throwable t) {
            System.err.println(ERROR + " default database failed to start: " + rootMessage(t) + "; see " + logs.resolve("debug.log"));
            return EXIT_FAILURE;
        }

        if (!waitForBolt(o.boltPort, Duration.ofMinutes(2))) {
            System.err.println(ERROR + " Bolt connector on " + HOST + ":" + o.boltPort + " did not accept connections within 2 minutes");
            return EXIT_PORT_IN_USE;
        }

        PrintStream out = System.out;
        out.println(READY + " bolt://" + HOST + ":" + o.boltPort);
        out.flush();

        watchHealth(service);

        if (o.exitOnStdinEof) {
            Thread watcher = new Thread(() -> {
                try {
                    java.io.BufferedReader in = new java.io.BufferedReader(
                            new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
                    for (String line; (line = in.readLine()) != null; ) {
                        command(service, line.strip());
                    }
                } catch (IOException ignored) {
                    // treat a broken stdin like EOF
                }
                System.err.println("linkage-neo4j: stdin closed (parent gone), shutting down");
                System.exit(0); // runs the shutdown hook -> managementService.shutdown()
            }, "linkage-neo4j-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        // Park the main thread; the DBMS threads keep the JVM alive, the shutdown hook stops it.
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
    }

    static final String HEALTH = "LINKAGE_NEO4J_HEALTH";
    static final String COMMAND = "LINKAGE_NEO4J_COMMAND";
    static final long HEALTH_INTERVAL_MS = 1000;

    /**
     * The process can outlive its database: after a panic (a failed transaction-log write on a full disk,
     * "Error reading transaction logs") every transaction fails while the JVM runs on, and a stopped
     * database (STOP DATABASE) answers nothing. Every second the default and system databases are
     * checked and each change is printed as one line, {@code LINKAGE_NEO4J_HEALTH ok|offline|panicked
     * <reason>}, for the parent (neo4j/supervisor.ts), which then restarts the process.
     */
    static void watchHealth(DatabaseManagementService service) {
        Thread watcher = new Thread(() -> {
            String last = HEALTH + " ok";
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(HEALTH_INTERVAL_MS);
                } catch (InterruptedException e) {
                    return;
                }
                String now;
                try {
                    now = HEALTH + " " + health(service);
                } catch (Throwable t) {
                    // Shutting down, or a check that failed itself: try again next time.
                    continue;
                }
                if (!now.equals(last)) {
                    System.out.println(now);
                    System.out.flush();
                    last = now;
                }
            }
        }, "linkage-neo4j-health");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** "ok", "panicked <why>" or "offline <why>" for the default database (and the system database it needs). */
    static String health(DatabaseManagementService service) {
        for (String name : List.of(GraphDatabaseSettings.SYSTEM_DATABASE_NAME, GraphDatabaseSettings.DEFAULT_DATABASE_NAME)) {
            Throwable panic = panicOf(service, name);
            if (panic != null) {
                return "panicked database '" + name + "' panicked (" + oneLine(rootMessage(panic)) + ")";
            }
        }
        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (db.isAvailable(0)) return "ok";
        GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        String status = system.executeTransactionally(
                "SHOW DATABASE $name YIELD currentStatus, requestedStatus, statusMessage",
                Map.of("name", db.databaseName()),
                result -> result.hasNext()
                        ? result.next().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .sorted()
                                .reduce((a, b) -> a + ", " + b)
                                .orElse("")
                        : "not listed",
                Duration.ofSeconds(10));
        return "offline database '" + db.databaseName() + "' is not available (" + oneLine(status) + ")";
    }

    /** The cause of the database's panic, or null while it has none (or is not running at all). */
    static Throwable panicOf(DatabaseManagementService service, String name) {
        try {
            GraphDatabaseAPI api = (GraphDatabaseAPI) service.database(name);
            DatabaseHealth health = api.getDependencyResolver().resolveDependency(DatabaseHealth.class);
            return health.hasNoPanic() ? null : health.causeOfPanic();
        } catch (RuntimeException notRunning) {
            return null;
        }
    }

    private static String oneLine(String s) {
        return String.valueOf(s).replaceAll("\\s+", " ").strip();
    }

    /**
     * A command from the parent, one per stdin line (only the parent holds that pipe). Answered with
     * {@code LINKAGE_NEO4J_COMMAND <command> ok|failed [why]}. {@code inject-panic} panics the default
     * database as a failed log write would, so the recovery from a real panic can be tested without
     * filling a disk. (No START DATABASE: Community Neo4j refuses it; a restart is the recovery.)
     */
    static void command(DatabaseManagementService service, String command) {
        if (command.isEmpty()) return;
        String outcome;
        try {
            switch (command) {
                case "inject-panic" -> {
                    GraphDatabaseAPI api = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
                    api.getDependencyResolver().resolveDependency(DatabaseHealth.class)
                            .panic(new IOException("panic injected by the parent process (fault test)"));
                    outcome = "ok";
                }
                default -> outcome = "failed unknown command";
            }
        } catch (Throwable t) {
            outcome = "failed " + oneLine(rootMessage(t));
        }
        System.out.println(COMMAND + " " + command + " " + outcome);
        System.out.flush();
    }

    /** chmod 700 (directories) / 600 (files): the store, logs and password are this user's alone. */
    static void restrictToOwner(Path p, boolean directory) throws IOException {
        try {
            Set<PosixFilePermission> perms = directory
                    ? EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)
                    : EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            Files.setPosixFilePermissions(p, perms);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to tighten
        }
    }

    /** The password in the file (first line, trimmed); a new random one (0600, created exclusively) when missing. */
    static String readOrCreatePassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                Files.write(file, (generated + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            }
        }
        restrictToOwner(file, false);
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.length() < 8) {
            throw new IOException("the password in " + file + " is shorter than 8 characters");
        }
        return password;
    }

    static boolean isFirstStart(Path dataDir) {
        return !Files.exists(dataDir.resolve("data").resolve("databases").resolve("system"));
    }

    /**
     * Before the first start, the same file {@code neo4j-admin dbms set-initial-password} writes: the system
     * database is then created with this password, so there is no moment with the default neo4j/neo4j.
     */
    static void writeInitialUser(Path dataDir, String password) throws IOException {
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, dataDir).build();
        Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        FileUserRepository users = new FileUserRepository(new DefaultFileSystemAbstraction(), file,
                NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
        try {
            users.start();
            users.create(new User(ADMIN_USER, null,
                    SystemGraphCredential.createCredentialForPassword(password.getBytes(StandardCharsets.UTF_8), new SecureHasher()),
                    false, false));
            users.shutdown();
        } catch (Exception e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        restrictToOwner(file, false);
    }

    /**
     * Makes the neo4j user's password the one in the password file (an existing store, or a rotated file).
     * Runs through the embedded API, which needs no login.
     */
    static void applyPassword(DatabaseManagementService service, String password) {
        GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        if (!system.isAvailable(TimeUnit.MINUTES.toMillis(2))) {
            throw new IllegalStateException("the system database did not become available within 2 minutes");
        }
        // Its own generous timeout: on a busy machine the first write to the system database can be slow.
        for (int attempt = 1; ; attempt++) {
            try {
                system.executeTransactionally(
                        "ALTER USER " + ADMIN_USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                        Map.of("password", password), result -> null, Duration.ofMinutes(5));
                return;
            } catch (RuntimeException e) {
                String m = String.valueOf(rootMessage(e));
                // Unchanged password: Neo4j refuses to "change" it to itself, which is what we want anyway.
                if (m.contains("Old password and new password cannot be the same")) return;
                if (attempt >= 5) throw e;
                try {
                    Thread.sleep(1000L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * A web page can open {@code ws://127.0.0.1:<bolt>} from any origin (WebSockets are not bound by CORS), and
     * Bolt accepts WebSocket upgrades on the same port. The product and its tools speak plain Bolt, so any
     * connection that opens with HTTP is answered 403 and closed before Bolt sees it.
     */
    static void refuseWebSockets(DatabaseManagementService service) {
        GraphDatabaseAPI api = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        BoltServer bolt = api.getDependencyResolver().resolveDependency(BoltServer.class);
        for (Connector<?> connector : bolt.getConnectors()) {
            connector.registerListener(new ConnectorListener() {
                @Override
                public void onConnectionCreated(Connection connection) {
                    connection.registerListener(new ConnectionListener() {
                        @Override
                        public void onNetworkPipelineInitialized(ChannelPipeline pipeline) {
                            pipeline.addFirst("linkage-refuse-http", new RefuseHttp());
                        }
                    });
                }
            });
        }
    }

    /** First bytes "G…" (an HTTP GET: WebSocket upgrade) → 403 and close; anything else passes untouched. */
    static final class RefuseHttp extends ChannelInboundHandlerAdapter {
        private static final byte[] FORBIDDEN = ("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf buf && buf.readableBytes() > 0) {
                if (buf.getUnsignedByte(buf.readerIndex()) == 'G') {
                    ReferenceCountUtil.release(msg);
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(FORBIDDEN)).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
                ctx.pipeline().remove(this);
            }
            ctx.fireChannelRead(msg);
        }
    }

    private static int startFailure(Throwable t, Options o) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof FileLockException || c instanceof org.neo4j.io.pagecache.impl.FileLockException
                    || c instanceof OverlappingFileLockException) {
                return lockedError(o.dataDir);
            }
            if (c instanceof BindException || c.getClass().getSimpleName().equals("PortBindException")) {
                return portError(o.boltPort);
            }
            if (isDiskFull(c)) {
                System.err.println(ERROR + " disk full while starting Neo4j in " + o.dataDir + ": " + c.getMessage());
                return EXIT_NOT_WRITABLE;
            }
            if (c instanceof AccessDeniedException) {
                System.err.println(ERROR + " data directory " + o.dataDir + " is not writable: " + c.getMessage());
                return EXIT_NOT_WRITABLE;
            }
        }
        System.err.println(ERROR + " Neo4j failed to start: " + rootMessage(t) + " (see " + o.dataDir.resolve("logs").resolve("debug.log") + ")");
        t.printStackTrace(System.err);
        return EXIT_FAILURE;
    }

    private static int lockedError(Path dataDir) {
        System.err.println(ERROR + " data directory " + dataDir + " is already in use by another Neo4j process; "
                + "stop it (npm start uses ./data/neo4j) or pass a different --data-dir");
        return EXIT_LOCKED;
    }

    private static int portError(int port) {
        System.err.println(ERROR + " Bolt port " + HOST + ":" + port + " is already in use; "
                + "stop whatever listens there or pass a different --bolt-port");
        return EXIT_PORT_IN_USE;
    }

    /** True if the DBMS store_lock exists and another process holds it. Never creates or writes the file. */
    static boolean isLockedByOtherProcess(Path storeLock) {
        if (!Files.exists(storeLock)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(storeLock, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            // Can't even open it (permissions): let the writability check report it.
            return false;
        }
    }

    /** Returns null if dir can be created and written, else a human-readable problem. */
    static String checkWritable(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            if (isDiskFull(e)) {
                return "cannot create data directory " + dir + ": disk full";
            }
            return "cannot create data directory " + dir + ": " + describe(e);
        }
        if (!Files.isDirectory(dir)) {
            return "data directory " + dir + " exists but is not a directory";
        }
        long free = usableBytes(dir);
        if (free >= 0 && free < MIN_FREE_TO_START) {
            return "disk nearly full: only " + (free >> 20) + " MiB free for data directory " + dir
                    + " (need at least " + (MIN_FREE_TO_START >> 20) + " MiB)";
        }
        Path probe = dir.resolve(".linkage-write-probe-" + ProcessHandle.current().pid());
        try {
            Files.write(probe, new byte[64 * 1024]); // enough to notice a (nearly) full disk
            return null;
        } catch (IOException e) {
            if (isDiskFull(e)) {
                return "disk full: cannot write to data directory " + dir;
            }
            return "data directory " + dir + " is not writable: " + describe(e);
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // nothing sensible to do
            }
        }
    }

    /** Usable bytes on the file store holding dir, or -1 if unknown. */
    static long usableBytes(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied (" + e.getMessage() + ")";
        if (e instanceof NoSuchFileException) return "no such file or directory (" + e.getMessage() + ")";
        if (e instanceof FileSystemException fse && fse.getReason() != null) return fse.getReason() + " (" + fse.getFile() + ")";
        return e.toString();
    }

    private static boolean isDiskFull(Throwable t) {
        String m = t.getMessage();
        if (m == null && t instanceof FileSystemException fse) m = fse.getReason();
        return m != null && m.toLowerCase(Locale.ROOT).contains("no space left on device");
    }

    static boolean portIsFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true); // same semantics as Netty's bind on Linux
            s.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean waitForBolt(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getByName(HOST), port), 500);
                return true;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) r = r.getCause();
        String m = r.getMessage();
        return r.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
