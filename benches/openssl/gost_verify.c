/*
 * Side-by-side reference for benches/gost.rs: OpenSSL 3 with the GOST engine
 * verifying the same certificate signature N times (X509_verify: Streebog
 * over the tbsCertificate plus the GOST R 34.10-2012 check), printing the
 * time per verification in microseconds. The issuer's key is decoded once,
 * before the loop; with `key-per-call` it is decoded from the issuer's
 * SubjectPublicKeyInfo DER on every verification instead (d2i_PUBKEY), the
 * counterpart of `gost_verify_loop ... key-per-call`.
 *
 * Usage: gost_verify CERT.der ISSUER.der [N] [key-per-call]
 *        gost_verify CERT.pem ISSUER.pem [N] [key-per-call]
 * Build: benches/openssl/build.sh
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <openssl/engine.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

static X509 *load(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    X509 *x = d2i_X509_fp(f, NULL);
    if (!x) { rewind(f); x = PEM_read_X509(f, NULL, NULL, NULL); }
    fclose(f);
    if (!x) { fprintf(stderr, "%s: not a certificate\n", path); exit(2); }
    return x;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: %s CERT ISSUER [N]\n", argv[0]); return 2; }
    long n = argc > 3 ? atol(argv[3]) : 2000;
    ENGINE_load_builtin_engines();
    ENGINE *e = ENGINE_by_id("gost");
    if (!e || !ENGINE_init(e) || !ENGINE_set_default(e, ENGINE_METHOD_ALL)) {
        fprintf(stderr, "cannot load the gost engine\n");
        ERR_print_errors_fp(stderr);
        return 2;
    }
    X509 *cert = load(argv[1]);
    X509 *issuer = load(argv[2]);
    EVP_PKEY *key = X509_get_pubkey(issuer);
    if (!key) { fprintf(stderr, "cannot read the issuer key\n"); ERR_print_errors_fp(stderr); return 2; }
    if (X509_verify(cert, key) != 1) { fprintf(stderr, "verification failed\n"); ERR_print_errors_fp(stderr); return 1; }
    int key_per_call = argc > 4 && strcmp(argv[4], "key-per-call") == 0;
    unsigned char *spki = NULL;
    int spki_len = i2d_PUBKEY(key, &spki);
    if (spki_len <= 0) { fprintf(stderr, "cannot encode the issuer key\n"); return 2; }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long i = 0; i < n; i++) {
        EVP_PKEY *k = key;
        if (key_per_call) {
            const unsigned char *p = spki;
            k = d2i_PUBKEY(NULL, &p, spki_len);
            if (!k) { fprintf(stderr, "cannot decode the issuer key\n"); return 2; }
        }
        if (X509_verify(cert, k) != 1) { fprintf(stderr, "verification failed\n"); return 1; }
        if (key_per_call) EVP_PKEY_free(k);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double us = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / 1e3 / n;
    printf("%.1f us per verification (%ld runs)\n", us, n);
    OPENSSL_free(spki);
    EVP_PKEY_free(key);
    X509_free(cert);
    X509_free(issuer);
    ENGINE_finish(e);
    ENGINE_free(e);
    return 0;
}
