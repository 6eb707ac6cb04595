package dev.novasdk.core.http.apache;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * PEM parsing and {@link SSLContext} assembly for the transport builder. Uses only the JDK, so a CA bundle
 * or a client certificate from an OpenStack {@code clouds.yaml} ({@code cacert}, {@code cert}, {@code key})
 * works without BouncyCastle.
 */
final class TlsMaterial {
    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    // The key algorithms a PKCS#8 document may hold in practice; the encoding does not say which without an
    // ASN.1 parser, so each factory is tried in turn.
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "DSA");

    private TlsMaterial() {}

    /**
     * The certificates of a PEM bundle, in file order.
     *
     * @throws IllegalArgumentException when the bundle holds no certificate or one cannot be decoded
     */
    static List<X509Certificate> parseCertificates(byte[] pem, String source) {
        List<X509Certificate> certs = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (PemBlock block : blocks(pem)) {
                if (block.type.equals("CERTIFICATE")) {
                    Collection<? extends Certificate> decoded =
                            factory.generateCertificates(new ByteArrayInputStream(block.der));
                    decoded.forEach(c -> certs.add((X509Certificate) c));
                }
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException(
                    source + " holds a certificate that cannot be decoded: " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return List.copyOf(certs);
    }

    /**
     * The private key of an unencrypted PKCS#8 PEM document ({@code -----BEGIN PRIVATE KEY-----}).
     *
     * @throws IllegalArgumentException for other formats, naming the openssl command that converts them
     */
    static PrivateKey parsePrivateKey(byte[] pem, String source) {
        for (PemBlock block : blocks(pem)) {
            switch (block.type) {
                case "PRIVATE KEY":
                    return decodePkcs8(block.der, source);
                case "ENCRYPTED PRIVATE KEY":
                    throw new IllegalArgumentException(source + " holds an encrypted key, which is not supported;"
                            + " decrypt it with 'openssl pkcs8 -in key.pem -nocrypt' or pass a KeyStore");
                case "RSA PRIVATE KEY":
                case "EC PRIVATE KEY":
                case "DSA PRIVATE KEY":
                    throw new IllegalArgumentException(source + " holds a " + block.type + " (PKCS#1/SEC1) key;"
                            + " convert it to PKCS#8 with 'openssl pkcs8 -topk8 -nocrypt -in key.pem'");
                default:
                    // Certificates may share the file with the key.
            }
        }
        throw new IllegalArgumentException(source + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }

    /** Trust managers that trust exactly {@code cas}, not the JDK's default CAs. */
    static TrustManager[] trustManagers(List<X509Certificate> cas) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store from the CA bundle: " + e.getMessage(), e);
        }
    }

    /** Key managers presenting {@code key} with its certificate chain. */
    static KeyManager[] keyManagers(PrivateKey key, List<X509Certificate> chain) {
        char[] password = new char[0];
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
            return keyManagers(store, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("the client key does not fit its certificate: " + e.getMessage(), e);
        }
    }

    /** Key managers over a caller's key store; {@code password} protects the keys. */
    static KeyManager[] keyManagers(KeyStore store, char[] password) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            return kmf.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the client key store: " + e.getMessage(), e);
        }
    }

    /** A TLS context; {@code null} managers mean the JDK defaults. */
    static SSLContext context(KeyManager[] keyManagers, TrustManager[] trustManagers) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers, trustManagers, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot initialise TLS: " + e.getMessage(), e);
        }
    }

    /**
     * A trust manager that accepts every certificate. It extends {@link X509ExtendedTrustManager} so the JDK
     * does not wrap it with its own endpoint checks.
     */
    static TrustManager[] trustAll() {
        return new TrustManager[] {new TrustAll()};
    }

    private static PrivateKey decodePkcs8(byte[] der, String source) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException wrongAlgorithm) {
                // Try the next algorithm.
            }
        }
        throw new IllegalArgumentException(
                source + " holds a PKCS#8 key of an unsupported algorithm (supported: " + KEY_ALGORITHMS + ")");
    }

    private static List<PemBlock> blocks(byte[] pem) {
        String text = new String(pem, StandardCharsets.US_ASCII);
        Matcher m = PEM_BLOCK.matcher(text);
        List<PemBlock> blocks = new ArrayList<>();
        while (m.find()) {
            String body = m.group(2).replaceAll("(?m)^[A-Za-z-]+:.*$", "").replaceAll("\\s", "");
            try {
                blocks.add(new PemBlock(m.group(1), Base64.getDecoder().decode(body)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PEM block " + m.group(1) + " is not valid base64", e);
            }
        }
        return blocks;
    }

    private static final class PemBlock {
        final String type;
        final byte[] der;

        PemBlock(String type, byte[] der) {
            this.type = type;
            this.der = der;
        }
    }

    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
