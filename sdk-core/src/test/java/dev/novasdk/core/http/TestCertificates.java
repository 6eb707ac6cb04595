package dev.novasdk.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Throwaway TLS material for transport tests, generated at test time with the JDK's {@code keytool} so no
 * key ever sits in the repository: a self-signed server certificate for {@code localhost} (which doubles as
 * its own CA), and a self-signed client certificate for mutual TLS, each as PKCS#12 and as PEM files.
 */
public final class TestCertificates {
    /** Password of every generated key store and key. */
    public static final String PASSWORD = "changeit";

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /**
     * Generates the material into {@code dir}, typically a JUnit {@code @TempDir}.
     *
     * @throws IOException when keytool is missing or fails
     */
    public static TestCertificates generate(Path dir) throws IOException {
        // Both key pairs are generated at once: keytool start-up dominates the cost.
        Process server = keytool(dir, "server", "CN=localhost", "SAN=dns:localhost", "server.p12");
        Process client = keytool(dir, "client", "CN=nova-sdk-test-client", null, "client.p12");
        await(server, "server");
        await(client, "client");
        TestCertificates certs = new TestCertificates(dir);
        certs.writePems();
        return certs;
    }

    /** PKCS#12 key store with the server's key and certificate (CN and SAN {@code localhost}). */
    public Path serverKeyStore() {
        return dir.resolve("server.p12");
    }

    /** The server certificate as PEM: the CA bundle that trusts the server. */
    public Path serverCertificatePem() {
        return dir.resolve("server-cert.pem");
    }

    /** PKCS#12 key store with the client's key and certificate. */
    public Path clientKeyStore() {
        return dir.resolve("client.p12");
    }

    /** The client certificate as PEM. */
    public Path clientCertificatePem() {
        return dir.resolve("client-cert.pem");
    }

    /** The client's private key as unencrypted PKCS#8 PEM. */
    public Path clientKeyPem() {
        return dir.resolve("client-key.pem");
    }

    /** PKCS#12 trust store holding only the client certificate, for a server that requires client auth. */
    public Path clientTrustStore() {
        return dir.resolve("client-trust.p12");
    }

    /** Loads one of the PKCS#12 stores. */
    public static KeyStore load(Path pkcs12) throws IOException {
        try (InputStream in = Files.newInputStream(pkcs12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load " + pkcs12, e);
        }
    }

    /** A TLS context that trusts exactly the server certificate. */
    public SSLContext trustingServer() throws IOException {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", load(serverKeyStore()).getCertificate("server"));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot build the TLS context", e);
        }
    }

    private void writePems() throws IOException {
        try {
            KeyStore server = load(serverKeyStore());
            Files.writeString(
                    serverCertificatePem(),
                    pem("CERTIFICATE", server.getCertificate("server").getEncoded()));

            KeyStore client = load(clientKeyStore());
            X509Certificate clientCert = (X509Certificate) client.getCertificate("client");
            Files.writeString(clientCertificatePem(), pem("CERTIFICATE", clientCert.getEncoded()));
            PrivateKey key = (PrivateKey) client.getKey("client", PASSWORD.toCharArray());
            Files.writeString(clientKeyPem(), pem("PRIVATE KEY", key.getEncoded())); // PKCS#8 for RSA

            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("client", clientCert);
            try (OutputStream out = Files.newOutputStream(clientTrustStore())) {
                trust.store(out, PASSWORD.toCharArray());
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot export the generated certificates", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    private static Process keytool(Path dir, String alias, String dname, String extension, String file)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                dname,
                "-storetype",
                "PKCS12",
                "-keystore",
                dir.resolve(file).toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD,
                "-noprompt"));
        if (extension != null) {
            command.add("-ext");
            command.add(extension);
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void await(Process process, String what) throws IOException {
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("keytool failed for the " + what + " key pair: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating the " + what + " key pair", e);
        }
    }
}
