/**
 * The user-facing error type: {@link io.envforge.error.Problem} (file, path, value, message, fix) and the exception
 * that carries problems to the front-ends. Depends on nothing else in envforge; everything may depend on it.
 */
package io.envforge.error;
