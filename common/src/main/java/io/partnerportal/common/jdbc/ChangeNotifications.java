package io.partnerportal.common.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps in-memory state (caches of published content, of effective roles, ...) current on every
 * instance of the service. A module sends {@link #send(String, String)} inside the transaction of
 * its change (PostgreSQL delivers a NOTIFY only when that transaction commits, and never when it
 * rolls back); every instance LISTENs on a dedicated connection outside the pool and hands the
 * payload to the {@link Listener} beans of that channel.
 * <p>
 * Notifications can be lost (a broken connection): after every (re)connect each listener is asked to
 * {@link Listener#resync() resynchronise}, and {@link Listener#tick()} runs every poll interval as a
 * cheap safety net. The instance that made a change should refresh its own state right after the
 * commit rather than wait for its own notification.
 */
@Singleton
public class ChangeNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeNotifications.class);
    private static final Pattern CHANNEL = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
    private static final int POLL_MILLIS = 2_000;

    /** Receives the notifications of one channel. Implementations must be quick and must not throw. */
    public interface Listener {

        /** The channel ({@code experiences_published}): lower-case letters, digits and '_'. */
        String channel();

        /** A notification sent by a committed transaction (of this instance or another). */
        void notified(String payload);

        /** Notifications may have been missed (start, reconnect): reload or drop what is cached. */
        void resync();

        /** Every poll interval (about 2 s): an optional cheap check that nothing was missed. */
        default void tick() {
        }
    }

    private final Sql sql;
    private final DataSource dataSource;
    private final BeanProvider<Listener> listeners;
    private final boolean listen;
    private volatile boolean running = true;
    private Thread thread;

    ChangeNotifications(Sql sql, DataSource dataSource, BeanProvider<Listener> listeners,
                        @Value("${portal.notifications.listen:true}") boolean listen) {
        this.sql = sql;
        this.dataSource = dataSource;
        this.listeners = listeners;
        this.listen = listen;
    }

    /** Sends a notification on commit of the caller's transaction (payload ≤ 7,000 bytes). */
    public void send(String channel, String payload) {
        requireChannel(channel);
        sql.one("SELECT pg_notify(?, ?)", rs -> 1, channel, payload);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!listeners.iterator().hasNext()) {
            return;
        }
        thread = new Thread(this::run, "change-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        List<Listener> all = listeners.stream().toList();
        while (running) {
            if (!listen) {
                sleep(POLL_MILLIS / 2);
                all.forEach(ChangeNotifications::tickQuietly);
                continue;
            }
            try (Connection connection = listenConnection()) {
                try (Statement st = connection.createStatement()) {
                    for (String channel : all.stream().map(Listener::channel).distinct().toList()) {
                        st.execute("LISTEN " + requireChannel(channel));
                    }
                }
                all.forEach(ChangeNotifications::resyncQuietly); // anything sent while we were not listening
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications == null || notifications.length == 0) {
                        all.forEach(ChangeNotifications::tickQuietly);
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        for (Listener l : all) {
                            if (l.channel().equals(n.getName())) {
                                notifyQuietly(l, n.getParameter());
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn("The LISTEN connection failed ({}); reconnecting in 1 s", e.getMessage());
                    sleep(1000);
                }
            }
        }
    }

    private static void notifyQuietly(Listener listener, String payload) {
        try {
            listener.notified(payload);
        } catch (RuntimeException e) {
            LOG.warn("{} failed on a notification: {}", listener.channel(), e.getMessage(), e);
        }
    }

    private static void resyncQuietly(Listener listener) {
        try {
            listener.resync();
        } catch (RuntimeException e) {
            LOG.warn("{} failed to resynchronise: {}", listener.channel(), e.getMessage(), e);
        }
    }

    private static void tickQuietly(Listener listener) {
        try {
            listener.tick();
        } catch (RuntimeException e) {
            LOG.warn("{} failed its periodic check: {}", listener.channel(), e.getMessage());
        }
    }

    private static String requireChannel(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("not a channel name: " + channel);
        }
        return channel;
    }

    /** A connection of its own (not from the pool): LISTEN needs it for the whole life of the instance. */
    private Connection listenConnection() throws SQLException {
        DataSource target = DelegatingDataSource.unwrapDataSource(dataSource);
        if (target instanceof HikariDataSource hikari) {
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        throw new SQLException("the datasource is not a Hikari pool; set portal.notifications.listen=false to poll");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
