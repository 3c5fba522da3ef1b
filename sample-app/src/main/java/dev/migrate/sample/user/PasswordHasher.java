package dev.migrate.sample.user;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.springframework.stereotype.Component;

/**
 * Hashes passwords with PBKDF2 and a random salt, so the sample never stores one in
 * clear.
 */
@Component
public class PasswordHasher {

	private static final int ITERATIONS = 120_000;

	private final SecureRandom random = new SecureRandom();

	public String hash(String password) {
		byte[] salt = new byte[16];
		this.random.nextBytes(salt);
		Base64.Encoder base64 = Base64.getEncoder();
		return "pbkdf2$" + ITERATIONS + "$" + base64.encodeToString(salt) + "$"
				+ base64.encodeToString(derive(password, salt));
	}

	private static byte[] derive(String password, byte[] salt) {
		try {
			PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
			return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		}
		catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
			throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", ex);
		}
	}

}
