export class UnlockSignInResponse {
  userId: string;
  /** How many client addresses had counted failed sign-ins for this account. */
  clearedAddresses: number;
}
