#!/usr/bin/env python3
# Cross-checks ./tradeflow audit merkle-root | inclusion-proof | consistency-proof against an RFC 6962
# implementation written here from the RFC's definitions, on random leaves.
# Usage: python3 tools/rfc6962-crosscheck.py tradeflow-app/target/tradeflow.jar
import hashlib, os, random, subprocess, sys
def H(b): return hashlib.sha256(b).digest()
def mth(d):
    if not d: return H(b'')
    if len(d)==1: return H(b'\x00'+d[0])
    k=1
    while k*2<len(d): k*=2
    return H(b'\x01'+mth(d[:k])+mth(d[k:]))
def path(m,d):
    if len(d)==1: return []
    k=1
    while k*2<len(d): k*=2
    return path(m,d[:k])+[mth(d[k:])] if m<k else path(m-k,d[k:])+[mth(d[:k])]
def subproof(m,d,b):
    n=len(d)
    if m==n: return [] if b else [mth(d)]
    k=1
    while k*2<n: k*=2
    return subproof(m,d[:k],b)+[mth(d[k:])] if m<=k else subproof(m-k,d[k:],False)+[mth(d[:k])]
jar=sys.argv[1]
def cli(*args):
    return subprocess.run(['java','-cp',jar,'dev.tradeflow.app.cli.TradeflowCli','audit',*args],capture_output=True,text=True,check=True).stdout.split()
random.seed(6962); checks=0
for trial in range(12):
    n=random.randint(1,70); d=[os.urandom(random.randint(0,40)) for _ in range(n)]
    f='/tmp/xleaves.txt'; open(f,'w').write(''.join(x.hex()+'\n' for x in d))
    assert cli('merkle-root','--leaves',f)==[mth(d).hex()]; checks+=1
    i=random.randrange(n); s=random.randint(i+1,n)
    assert cli('inclusion-proof','--index',str(i),'--size',str(s),'--leaves',f)==[h.hex() for h in path(i,d[:s])]; checks+=1
    m=random.randint(1,n)
    exp=[] if m==n else [h.hex() for h in subproof(m,d,True)]
    assert cli('consistency-proof','--old',str(m),'--leaves',f)==exp; checks+=1
print('agree on', checks, 'random cases')
