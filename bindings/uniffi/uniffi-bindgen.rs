//! The `uniffi-bindgen` command of the workspace: generates the Kotlin and
//! Swift sources of `kabinet_uniffi` from the built library, so the
//! generator's version always matches the library's.

fn main() {
    uniffi::uniffi_bindgen_main()
}
